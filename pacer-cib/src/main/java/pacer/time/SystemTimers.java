package pacer.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real time: the system clock, and tasks on one daemon thread of their own (named at
 * construction), run in due order. {@link #close()} stops the thread.
 */
public final class SystemTimers implements Timers, AutoCloseable {
    private final ScheduledExecutorService executor;

    public SystemTimers(String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override public Instant now() { return Instant.now(); }

    @Override public long nanoTime() { return System.nanoTime(); }

    @Override public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override public void close() { executor.shutdownNow(); }
}
