package pacer.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(1), Duration.ofSeconds(10), clock);

    private void advance(long seconds) {
        now.set(now.get().plusSeconds(seconds));
    }

    @Test
    @DisplayName("Free failures, then 1 s doubling per failure up to the cap")
    void delays() {
        assertThat(throttle.delayAfter(1)).isZero();
        assertThat(throttle.delayAfter(2)).isZero();
        assertThat(throttle.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.delayAfter(7)).isEqualTo(Duration.ofSeconds(10));
        assertThat(throttle.delayAfter(500)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("The door is per user and source, and opens again after a long quiet")
    void perPairAndQuiet() {
        for (int i = 0; i < 3; i++) throttle.failure("hacluster", "10.0.0.1");
        assertThat(throttle.closedFor("hacluster", "10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(throttle.closedFor("hacluster", "10.0.0.2")).isEmpty();
        assertThat(throttle.closedFor("root", "10.0.0.1")).isEmpty();
        advance(60);
        throttle.failure("hacluster", "10.0.0.1");
        assertThat(throttle.closedFor("hacluster", "10.0.0.1")).as("counting starts over").isEmpty();
    }
}
