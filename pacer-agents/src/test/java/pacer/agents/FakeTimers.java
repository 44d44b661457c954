package pacer.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Virtual time for tests: tasks run only when the test calls {@link #advance(Duration)}, in due
 * order, on the test's thread. Also the clock, so durations and timestamps follow virtual time.
 * Thread-safe: code under test may schedule from any thread.
 */
final class FakeTimers implements AgentTimers, AgentClock {
    private record Task(long dueNanos, long seq, Runnable body, boolean[] cancelled) {}

    private final Instant epoch = Instant.parse("2025-01-01T00:00:00Z");
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong(Task::dueNanos).thenComparingLong(Task::seq));
    private long nowNanos;
    private long seq;

    @Override public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Task(nowNanos + Math.max(0, delay.toNanos()), seq++, task, cancelled));
        return () -> {
            synchronized (FakeTimers.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves virtual time forward, running every task due by then (including ones they schedule). */
    void advance(Duration d) {
        long target;
        synchronized (this) {
            target = nowNanos + d.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.dueNanos > target) {
                    nowNanos = target;
                    return;
                }
                queue.poll();
                nowNanos = next.dueNanos;
                if (next.cancelled[0]) continue;
            }
            next.body.run();
        }
    }

    /** Tasks scheduled and neither run nor cancelled. */
    synchronized int pending() {
        List<Task> live = new ArrayList<>();
        for (Task t : queue) if (!t.cancelled[0]) live.add(t);
        return live.size();
    }

    @Override public synchronized Instant now() { return epoch.plusNanos(nowNanos); }

    @Override public synchronized long nanoTime() { return nowNanos; }
}
