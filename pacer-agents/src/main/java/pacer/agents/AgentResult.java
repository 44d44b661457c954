package pacer.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The result of one action, on Pacemaker's two axes: the execution status (did it run to
 * completion, time out, was it installed at all) and the OCF exit code (the agent's answer),
 * with the agent's exit reason ({@code ocf-exit-reason:} on stderr), the tails of its output and
 * its timing.
 *
 * @param exitReason empty when the agent gave none
 * @param stdoutTail the last bytes of standard output (bounded, see {@link RunnerSettings})
 * @param stderrTail the last bytes of standard error (bounded)
 * @param startedAt wall time at which the action started, from the injected clock
 * @param duration how long it ran (zero when nothing ran)
 */
public record AgentResult(ExecStatus status, OcfExitCode rc, String exitReason, String stdoutTail,
                          String stderrTail, Instant startedAt, Duration duration) {
    /** A result for an action that did not run a process. */
    public static AgentResult immediate(Outcome outcome, Instant at) {
        return new AgentResult(outcome.status(), outcome.rc(), outcome.exitReason(), "", "", at, Duration.ZERO);
    }

    public Optional<String> reason() { return exitReason.isEmpty() ? Optional.empty() : Optional.of(exitReason); }

    /** Ran to completion and the agent answered OK. */
    public boolean isOk() { return status == ExecStatus.DONE && rc == OcfExitCode.OK; }

    /** The two axes only: what recurring monitors compare to decide whether something changed. */
    public Outcome outcome() { return new Outcome(status, rc, exitReason); }

    /** Same status and exit code (the reason and output may differ). */
    public boolean sameVerdict(AgentResult other) { return status == other.status && rc == other.rc; }

    /** Like {@code crm_mon}: {@code not running (Done): reason}. */
    @Override public String toString() {
        return rc.description() + " (" + status.description() + ")" + (exitReason.isEmpty() ? "" : ": " + exitReason);
    }
}
