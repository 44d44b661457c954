package pacer.agents;

/**
 * How a class reads a process that ran to completion: its exit status and output become an
 * {@link Outcome}. OCF's exit reason from stderr is applied by the runner afterwards.
 */
@FunctionalInterface
public interface ExitInterpreter {
    /**
     * @param stdout the tail of standard output
     * @param stderr the tail of standard error
     */
    Outcome interpret(int exitStatus, String stdout, String stderr);
}
