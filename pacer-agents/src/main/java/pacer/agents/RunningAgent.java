package pacer.agents;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One action in flight: its process (if one was started) and its future result.
 *
 * <p>The result completes when the agent's main process exits, on the JDK's process-reaper
 * thread: callers should continue with {@code *Async} stages or hand the result to their own
 * executor rather than block in a dependent stage. A timeout or a {@link #cancel()} sends TERM to
 * the agent's whole process group and, after the kill grace period, KILL to whatever is left, even
 * if the main process has already exited by then.
 *
 * <p>Thread-safe: the state moves once from RUNNING to FINISHED, TIMED_OUT or CANCELLED by
 * compare-and-set, so a timeout racing with a normal exit or a cancel has exactly one winner.
 */
public final class RunningAgent {
    enum State { RUNNING, FINISHED, TIMED_OUT, CANCELLED }

    private final long pid;
    private final CompletableFuture<AgentResult> result;
    private final AtomicReference<State> state;
    private final Runnable stopper;

    private RunningAgent(long pid, CompletableFuture<AgentResult> result, State initial, Runnable stopper) {
        this.pid = pid;
        this.result = result;
        this.state = new AtomicReference<>(initial);
        this.stopper = stopper;
    }

    /** An action that ran no process: its result is already known. */
    static RunningAgent completed(Outcome outcome, Instant at) {
        return new RunningAgent(-1, CompletableFuture.completedFuture(AgentResult.immediate(outcome, at)),
                State.FINISHED, () -> { });
    }

    static RunningAgent started(long pid, CompletableFuture<AgentResult> result, Runnable stopper) {
        return new RunningAgent(pid, result, State.RUNNING, stopper);
    }

    /** The agent's pid (the session leader where setsid is used); -1 if nothing was started. */
    public long pid() { return pid; }

    public CompletableFuture<AgentResult> result() { return result; }

    /**
     * Stops the action: its process group is terminated and the result is
     * {@link ExecStatus#CANCELLED} (as Pacemaker reports a cancelled in-flight recurring
     * operation). No effect once the action has finished or timed out.
     */
    public void cancel() {
        if (state.compareAndSet(State.RUNNING, State.CANCELLED)) stopper.run();
    }

    /** Called by the runner's timeout; returns false when the action already ended otherwise. */
    boolean expire() {
        if (state.compareAndSet(State.RUNNING, State.TIMED_OUT)) {
            stopper.run();
            return true;
        }
        return false;
    }

    /** Called when the process exits: the state that decides the result. */
    State finish() {
        state.compareAndSet(State.RUNNING, State.FINISHED);
        return state.get();
    }
}
