package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EffectiveTimeTest {
    @ParameterizedTest
    @CsvSource({
        "2005-001,                 2005-01-01T00:00Z",
        "2005-01-01 10:00:00Z,     2005-01-01T10:00Z",
        "2005-01-01T10:00:00,      2005-01-01T10:00+02:00",  // no offset: the host's offset
        "2005-W01-1 10:00:00 -05:00, 2005-01-03T10:00-05:00",
    })
    void optionTakesAnIsoDate(String text, String expected) {
        assertThat(EffectiveTime.fromOption(text, ZoneOffset.ofHours(2))).contains(OffsetDateTime.parse(expected));
    }

    @Test
    void optionRejectsGarbage() {
        assertThat(EffectiveTime.fromOption("yesterday", ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void executionDateIsEpochSecondsShownInTheHostZone() {
        assertThat(EffectiveTime.fromExecutionDate("1104573600", ZoneId.of("UTC")))
                .contains(OffsetDateTime.parse("2005-01-01T10:00Z"));
        assertThat(EffectiveTime.fromExecutionDate("1104573600", ZoneId.of("Europe/Berlin")))
                .contains(OffsetDateTime.parse("2005-01-01T11:00+01:00"));
        assertThat(EffectiveTime.fromExecutionDate(" 1104573600junk", ZoneOffset.UTC)).isPresent();
        assertThat(EffectiveTime.fromExecutionDate("soon", ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void executionDateDrivesDateSpecInLocalTime() {
        Rule r = RuleTestSupport.ruleWith("<date_expression id='d' operation='date_spec'>"
                + "<date_spec id='s' hours='11'/></date_expression>");
        OffsetDateTime berlin = EffectiveTime.fromExecutionDate("1104573600", ZoneId.of("Europe/Berlin")).orElseThrow();
        OffsetDateTime utc = EffectiveTime.fromExecutionDate("1104573600", ZoneId.of("UTC")).orElseThrow();
        assertThat(r.passes(RuleContext.at(berlin))).isTrue();
        assertThat(r.passes(RuleContext.at(utc))).isFalse();
    }
}
