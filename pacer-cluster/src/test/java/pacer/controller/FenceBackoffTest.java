package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Failed fencing is retried with a growing delay, never in a tight loop. */
class FenceBackoffTest {
    @Test
    @DisplayName("1 s after the first failure, doubling, at most a minute; per target; a success resets")
    void backoff() {
        FenceBackoff b = new FenceBackoff();
        assertThat(b.failed("n1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.failed("n1")).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.failed("n1")).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.failed("n2")).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) b.failed("n1");
        assertThat(b.failed("n1")).isEqualTo(Duration.ofMinutes(1));
        b.succeeded("n1");
        assertThat(b.failed("n1")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("it says it gives up exactly once, at the tenth failure in a row")
    void givingUp() {
        FenceBackoff b = new FenceBackoff();
        int announced = 0;
        for (int i = 0; i < 15; i++) {
            b.failed("n1");
            if (b.givingUp("n1")) announced++;
        }
        assertThat(announced).isEqualTo(1);
    }
}
