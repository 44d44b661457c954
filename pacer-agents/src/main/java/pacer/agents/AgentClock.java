package pacer.agents;

import java.time.Instant;

/**
 * Time as the agents module sees it: wall time for timestamps, a monotonic counter for
 * durations. Injected so that tests can use virtual time; the module never reads the system
 * clock directly.
 */
public interface AgentClock {
    /** Wall time, for {@link AgentResult#startedAt()}. */
    Instant now();

    /** Monotonic nanoseconds, for durations only. */
    long nanoTime();

    /** The system clock. */
    static AgentClock system() {
        return new AgentClock() {
            @Override public Instant now() { return Instant.now(); }

            @Override public long nanoTime() { return System.nanoTime(); }
        };
    }
}
