package pacer.time;

import java.time.Duration;

/**
 * Delayed tasks, with the clock that measures the delays. Tasks must be short and must not
 * block: they hand work to a role thread, never do it themselves.
 */
public interface Timers extends Clock {
    /** Runs {@code task} once, {@code delay} from now, on a thread of the implementation's choosing. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Prevents the task from running if it has not started; idempotent. */
        void cancel();
    }
}
