package pacer.controller;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How long the DC waits before it may try again to fence a target that could not be fenced:
 * one second after the first failure, doubling up to a minute, and reset by a success. Without
 * it a cluster whose fencing cannot work (no device, a device that always fails) would retry in
 * a tight loop, as fast as transitions can be computed. After {@link #MAX_ATTEMPTS} failures in
 * a row the DC says it gives up, as Pacemaker's stonith-max-attempts does, but keeps trying once
 * a minute so that a repaired device is noticed.
 *
 * <p>Owned by the DC's role thread.
 */
final class FenceBackoff {
    static final int MAX_ATTEMPTS = 10;
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofMinutes(1);

    private final Map<String, Integer> failures = new HashMap<>();

    /** Records a failure; returns how long to wait before the transition may go on. */
    Duration failed(String target) {
        int n = failures.merge(target, 1, Integer::sum);
        long millis = FIRST.toMillis() << Math.min(n - 1, 10);
        return Duration.ofMillis(Math.min(millis, LONGEST.toMillis()));
    }

    /** Whether the failures in a row just reached the point where Pacemaker gives up. */
    boolean givingUp(String target) {
        return failures.getOrDefault(target, 0) == MAX_ATTEMPTS;
    }

    void succeeded(String target) {
        failures.remove(target);
    }
}
