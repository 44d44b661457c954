package pacer.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Virtual time for tests (after OkHttp's {@code TaskFaker}): nothing happens until the test calls
 * {@link #advance}, which moves the clock forward and runs every task that fell due, in due order,
 * on the calling thread. Deterministic: two tasks due at the same instant run in the order they
 * were scheduled.
 *
 * <p>Thread-safe: the task list and the clock are guarded by {@code this}; tasks run outside the
 * lock, so a task may schedule or cancel others.
 */
public final class FakeTimers implements Timers {
    private Instant wall;
    private long nanos;
    private long sequence;
    private final List<Task> tasks = new ArrayList<>();

    private final class Task implements Cancellable {
        final long dueNanos;
        final long order;
        final Runnable body;
        boolean cancelled;

        Task(long dueNanos, long order, Runnable body) {
            this.dueNanos = dueNanos;
            this.order = order;
            this.body = body;
        }

        @Override public void cancel() {
            synchronized (FakeTimers.this) {
                cancelled = true;
                tasks.remove(this);
            }
        }
    }

    public FakeTimers(Instant start) {
        this.wall = start;
    }

    @Override public synchronized Instant now() { return wall; }

    @Override public synchronized long nanoTime() { return nanos; }

    @Override public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(nanos + Math.max(0, delay.toNanos()), sequence++, task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code d}, running every task due on the way (at its own due time). */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = nanos + d.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                Optional<Task> due = tasks.stream().filter(t -> t.dueNanos <= target)
                        .min(Comparator.<Task>comparingLong(t -> t.dueNanos).thenComparingLong(t -> t.order));
                if (due.isEmpty()) {
                    moveTo(target);
                    return;
                }
                next = due.get();
                tasks.remove(next);
                moveTo(Math.max(nanos, next.dueNanos));
            }
            next.body.run();
        }
    }

    /** Runs the tasks due now without moving time. */
    public void runDue() { advance(Duration.ZERO); }

    /** How many tasks are scheduled. */
    public synchronized int pending() { return tasks.size(); }

    private void moveTo(long target) {
        wall = wall.plusNanos(target - nanos);
        nanos = target;
    }
}
