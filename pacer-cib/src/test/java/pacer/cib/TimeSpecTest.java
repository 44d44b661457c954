package pacer.cib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Intervals and timeouts as Pacemaker writes them. */
class TimeSpecTest {
    @ParameterizedTest(name = "\"{0}\" is {1} ms")
    @CsvSource({
        "10s, 10000", "500ms, 500", "2min, 120000", "1h, 3600000", "PT10S, 10000", "PT1H2M3S, 3723000",
        "10, 10000", "0, 0", "' 20s ', 20000", "5sec, 5000", "3m, 180000"})
    void parsesIntervals(String text, long millis) {
        assertThat(TimeSpec.parseMillis(text)).hasValue(millis);
    }

    @ParameterizedTest(name = "\"{0}\" is not an interval")
    @ValueSource(strings = {"garbage", "", "  ", "10x", "P", "PT", "-5s", "1.5s", "s"})
    void rejectsGarbage(String text) {
        assertThat(TimeSpec.parseMillis(text)).isEmpty();
    }

    @Test
    @DisplayName("a missing value is empty, and the fallback form returns the fallback")
    void missingValueFallsBack() {
        assertThat(TimeSpec.parseMillis(null)).isEmpty();
        assertThat(TimeSpec.parseMillis("nonsense", 42)).isEqualTo(42);
        assertThat(TimeSpec.parseMillis("15s", 42)).isEqualTo(15_000);
    }
}
