package pacer.time;

import java.time.Instant;

/** Wall time and monotonic time. Implementations are thread-safe. */
public interface Clock {
    /** Wall time: {@code last-rc-change}, {@code last-failure}, the scheduler's "now". */
    Instant now();

    /** Monotonic nanoseconds, for durations only. */
    long nanoTime();

    /** The system clock. */
    static Clock system() {
        return new Clock() {
            @Override public Instant now() { return Instant.now(); }

            @Override public long nanoTime() { return System.nanoTime(); }
        };
    }
}
