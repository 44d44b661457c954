package pacer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDateTimeTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "2010-01-01                | 2010-01-01T00:00:00Z",
        "20100101                  | 2010-01-01T00:00:00Z",
        "2010-01-01T12:00:00Z      | 2010-01-01T12:00:00Z",
        "2010-01-01T12:00:00       | 2010-01-01T12:00:00Z",
        "2010-01-01T12:00:00+02:00 | 2010-01-01T10:00:00Z",
        "2010-01-01T12:00-0530     | 2010-01-01T17:30:00Z",
        "2010-01-01T12+01          | 2010-01-01T11:00:00Z",
        "2010-01-01T120000         | 2010-01-01T12:00:00Z",
        "2010-01-01T12:00:00.25Z   | 2010-01-01T12:00:00.250Z",
        "2005-020                  | 2005-01-20T00:00:00Z",
        "2005-020T12:30            | 2005-01-20T12:30:00Z",
        "2014-05-07 00:28:00       | 2014-05-07T00:28:00Z",
        "2009-W53-7                | 2010-01-03T00:00:00Z",
        "2010-W01                  | 2010-01-04T00:00:00Z",
    })
    void accepts(String text, String instant) {
        assertThat(IsoDateTime.parse(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"", "yesterday", "2010-13-01", "2010-02-30", "2010-01-01T", "2010-01-01T25:00",
        "2010-01-01T12:00:00+25:00", "2010-366", "10-01-01", "2010-01-01T12:00 tomorrow"})
    void refuses(String text) {
        assertThatThrownBy(() -> IsoDateTime.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a valid date")
                .hasMessageContaining("2010-01-01T12:00:00Z");
    }
}
