package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PcmkDurationTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "P1Y2M3DT4H5M6S,     1, 2,  3, 14706",
        "PT1H,               0, 0,  0, 3600",
        "P1W,                0, 0,  7, 0",
        "P1M,                0, 1,  0, 0",
        "PT1M,               0, 0,  0, 60",
        "P3Y6M4DT12H30M-5S,  3, 6,  4, 44995",
        "P3Y-6M4D,           3, -6, 4, 0",
        "P2W3D,              0, 0, 17, 0",
        "P1Y2Y,              2, 0,  0, 0",
        "P6M3Y,              3, 6,  0, 0",
        "PT1H/ignored,       0, 0,  0, 3600",
        "PT30S trailing,     0, 0,  0, 30",
    })
    void parsesLikePacemaker(String text, int years, int months, int days, int seconds) {
        assertThat(PcmkDuration.parse(text)).contains(new PcmkDuration(years, months, days, seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "P/", "P 3Y", "PX3Y", "X3Y6M", "P3Y6M4DT12H30M5", "P3Y6M4DT12H30M5X",
        "P3X", "P0D", "PT0S", "P2147483648Y", "P-2147483648Y", "P99999999999D", "P3Y6M4DT12H30.5M", "P1.5D"})
    void rejectsWhatPacemakerRejects(String text) {
        assertThat(PcmkDuration.parse(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1Y2M3DT4H5M6S", "PT1H", "P7D", "P-1M", "PT-1H-1M-1S", "P1DT1S"})
    void toStringParsesBackToTheSameDuration(String text) {
        PcmkDuration d = PcmkDuration.parse(text).orElseThrow();
        assertThat(PcmkDuration.parse(d.toString())).contains(d);
    }
}
