package pacer.agents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One process to run for an action, as a class has prepared it.
 *
 * @param description what runs, for messages ({@code rsc1_monitor_10000}, {@code Dummy meta-data})
 * @param executable the program; when it does not exist the result is {@link ExecStatus#NOT_INSTALLED}
 *     naming this path, without starting anything
 * @param arguments the arguments after the program ({@code start}, {@code is-active unit}, ...)
 * @param environment added to the inherited environment, from which every {@code OCF_*} variable
 *     has been removed first so that nothing leaks from the daemon into an agent
 * @param stdin written to the process's standard input (fence agents read their parameters
 *     there); empty for none
 * @param readsExitReason whether stderr may carry {@code ocf-exit-reason:} lines (OCF agents)
 * @param stdoutBytes how much of the end of stdout the result keeps; 0 for the runner's default
 *     tail (meta-data needs all of it)
 */
public record AgentCommand(String description, Path executable, List<String> arguments,
                           Map<String, String> environment, String stdin, Duration timeout,
                           ExitInterpreter interpreter, boolean readsExitReason, int stdoutBytes) {
    public AgentCommand {
        if (stdoutBytes < 0) throw new IllegalArgumentException("negative stdout limit for " + description);
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive for " + description);
        }
    }
}
