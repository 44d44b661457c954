package pacer.api.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing per user and source address. The first {@code freeFailures}
 * failed logins cost nothing; each one after that closes the door for an exponentially growing
 * time ({@code baseDelay}, doubled per further failure, at most {@code maxDelay}). While it is
 * closed every login of that user from that source is refused, even with the right password. A
 * success opens it and forgets the failures; failures are forgotten after {@code maxDelay} of
 * quiet too.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} (user, source) pairs are tracked; the oldest go
 * first. Thread-safe: guarded by {@code this}. Time comes from the injected clock only.
 */
public final class LoginThrottle {
    static final int MAX_ENTRIES = 10_000;

    private record State(int failures, Instant lastFailure, Instant closedUntil) {}

    private final int freeFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final InstantSource clock;
    private final Map<String, State> states = new LinkedHashMap<>();

    public LoginThrottle(int freeFailures, Duration baseDelay, Duration maxDelay, InstantSource clock) {
        this.freeFailures = freeFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** How long the door stays closed for this pair; empty when a login may be tried now. */
    public synchronized Optional<Duration> closedFor(String user, String source) {
        State s = states.get(key(user, source));
        Instant now = clock.instant();
        if (s == null || !now.isBefore(s.closedUntil())) return Optional.empty();
        return Optional.of(Duration.between(now, s.closedUntil()));
    }

    /** Records a failed login. */
    public synchronized void failure(String user, String source) {
        Instant now = clock.instant();
        String key = key(user, source);
        State old = states.remove(key);
        if (old != null && !now.isBefore(old.lastFailure().plus(maxDelay).plus(delayAfter(old.failures())))) {
            old = null; // quiet long enough: start over
        }
        int failures = old == null ? 1 : old.failures() + 1;
        states.put(key, new State(failures, now, now.plus(delayAfter(failures))));
        trim();
    }

    /** Records a successful login: the pair starts with a clean slate. */
    public synchronized void success(String user, String source) {
        states.remove(key(user, source));
    }

    /** The closed time after the {@code failures}-th failure: zero for the free ones. */
    Duration delayAfter(int failures) {
        if (failures < freeFailures) return Duration.ZERO;
        int doublings = Math.min(failures - freeFailures, 30);
        Duration d = baseDelay.multipliedBy(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private void trim() {
        Iterator<String> oldest = states.keySet().iterator();
        while (states.size() > MAX_ENTRIES && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static String key(String user, String source) {
        return user + "\0" + source;
    }
}
