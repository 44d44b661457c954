package pacer.agents;

/**
 * What a class decided to do for one action: run a process, or answer at once without one
 * (not installed, not supported, nothing to do).
 */
sealed interface Invocation {
    /** Run this command; its exit status is read by the command's interpreter. */
    record Run(AgentCommand command) implements Invocation {}

    /** Answer without running anything. */
    record Answer(Outcome outcome) implements Invocation {}
}
