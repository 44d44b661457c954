package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PcmkNumbersTest {
    @ParameterizedTest
    @CsvSource({"42, 42", "'  -7', -7", "+8, 8", "3.9, 3", "12abc, 12", "007, 7",
        "9223372036854775807, 9223372036854775807", "-9223372036854775808, -9223372036854775808"})
    void longPrefixes(String text, long expected) {
        assertThat(PcmkNumbers.parseLongPrefix(text)).isEqualTo(OptionalLong.of(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-", " +", "9223372036854775808", ".5"})
    void longRejects(String text) {
        assertThat(PcmkNumbers.parseLongPrefix(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1.5, 1.5", "'  2e3x', 2000", "-.5, -0.5", "5., 5", "1e, 1", "0x10, 16", "0x1p4, 16",
        "0, 0", "0.00, 0", "inf, Infinity", "-Infinity, -Infinity", "0xg, 0"})
    void doublePrefixes(String text, double expected) {
        assertThat(PcmkNumbers.parseDoublePrefix(text)).isEqualTo(OptionalDouble.of(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", ".", "e5", "1e999", "1e-400", "-0", "2e-310", "0.0e5"})
    // Pacemaker counts any character but 0 . e E in a zero result as an underflow: -0 and 0.0e5 too
    void doubleRejectsNonNumbersOverflowAndUnderflow(String text) {
        assertThat(PcmkNumbers.parseDoublePrefix(text)).isEmpty();
    }
}
