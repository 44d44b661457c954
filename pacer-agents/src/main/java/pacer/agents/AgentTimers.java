package pacer.agents;

import java.time.Duration;

/**
 * Delayed tasks: action timeouts, the kill grace period, recurring monitors. Injected so that tests
 * drive time themselves (a fake implementation runs due tasks when the test advances virtual
 * time); {@link ScheduledExecutorTimers} is the real one.
 *
 * <p>Tasks must be short and must not block: they send signals or start an action, never wait
 * for one.
 */
public interface AgentTimers {
    /** Runs {@code task} once, {@code delay} from now, on a thread of the implementation's choosing. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Prevents the task from running if it has not started; idempotent. */
        void cancel();
    }
}
