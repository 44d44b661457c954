package pacer.agents;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link AgentTimers} on a {@link ScheduledExecutorService}. Tasks run on the executor's threads;
 * with {@link #singleThread(String)}, on one daemon thread, in due order.
 */
public final class ScheduledExecutorTimers implements AgentTimers, AutoCloseable {
    private final ScheduledExecutorService executor;
    private final boolean owned;

    /** Uses {@code executor} without taking ownership: {@link #close()} leaves it running. */
    public ScheduledExecutorTimers(ScheduledExecutorService executor) {
        this(executor, false);
    }

    private ScheduledExecutorTimers(ScheduledExecutorService executor, boolean owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** Timers on a daemon thread of their own, stopped by {@link #close()}. */
    public static ScheduledExecutorTimers singleThread(String threadName) {
        ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        return new ScheduledExecutorTimers(ses, true);
    }

    @Override public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override public void close() {
        if (owned) executor.shutdownNow();
    }
}
