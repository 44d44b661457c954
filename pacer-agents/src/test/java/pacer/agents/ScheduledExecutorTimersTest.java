package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScheduledExecutorTimersTest {
    @Test @DisplayName("Runs scheduled tasks; a cancelled one never runs")
    void runsAndCancels() throws Exception {
        try (ScheduledExecutorTimers timers = ScheduledExecutorTimers.singleThread("test-timers")) {
            AtomicBoolean cancelledRan = new AtomicBoolean();
            timers.schedule(Duration.ofMillis(50), () -> cancelledRan.set(true)).cancel();
            CountDownLatch ran = new CountDownLatch(1);
            timers.schedule(Duration.ofMillis(100), ran::countDown);
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cancelledRan).isFalse();
        }
    }
}
