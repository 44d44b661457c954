package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.rule.RuleTestSupport.at;
import static pacer.cib.rule.RuleTestSupport.rule;
import static pacer.cib.rule.RuleTestSupport.ruleWith;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateExpressionTest {
    private static RuleEvaluator.Result eval(String condition, String now) {
        return RuleEvaluator.evaluate(ruleWith(condition), at(now));
    }

    private static Optional<Instant> instant(String s) {
        return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
    }

    @ParameterizedTest(name = "in_range 12:00..15:00 at {0}")
    @CsvSource(nullValues = "NULL", value = {
        "2024-01-01T04:30:05Z, false, 2024-02-01T12:00:00Z",
        "2024-02-01T11:59:59Z, false, 2024-02-01T12:00:00Z",
        "2024-02-01T12:00:00Z, true,  2024-02-01T15:00:01Z",  // start is inclusive
        "2024-02-01T15:00:00Z, true,  2024-02-01T15:00:01Z",  // end is inclusive
        "2024-02-01T15:00:01Z, false, NULL",
    })
    void inRangeWithStartAndEnd(String now, boolean passes, String next) {
        RuleEvaluator.Result r = eval("<date_expression id='d' operation='in_range' start='2024-02-01 12:00:00Z' "
                + "end='2024-02-01 15:00:00Z'/>", now);
        assertThat(r.passed()).isEqualTo(passes);
        assertThat(r.nextChange()).isEqualTo(instant(next));
    }

    @ParameterizedTest(name = "in_range 12:00 + 3h at {0}")
    @CsvSource(nullValues = "NULL", value = {
        "2024-02-01T11:59:59Z, false, 2024-02-01T12:00:00Z",
        "2024-02-01T14:03:11Z, true,  2024-02-01T15:00:01Z",
        "2024-02-01T15:00:00Z, true,  2024-02-01T15:00:01Z",
        "2024-02-01T15:00:01Z, false, NULL",
    })
    void inRangeWithDuration(String now, boolean passes, String next) {
        RuleEvaluator.Result r = eval("<date_expression id='d' start='2024-02-01 12:00:00Z'>"
                + "<duration id='du' hours='3'/></date_expression>", now);
        assertThat(r.passed()).isEqualTo(passes);
        assertThat(r.nextChange()).isEqualTo(instant(next));
    }

    @ParameterizedTest(name = "year 2005 at {0}")
    @CsvSource({"2004-12-31T23:59:59Z, false", "2005-01-01T00:00:00Z, true", "2005-07-01T12:00:00Z, true",
        "2006-01-01T00:00:00Z, true", "2006-01-01T00:00:01Z, false"})
    void docsExampleYear2005ByDuration(String now, boolean passes) {
        // "start plus duration" includes the end second, as the documentation's note on in_range explains
        assertThat(eval("<date_expression id='d' start='2005-001' operation='in_range'>"
                + "<duration id='du' years='1'/></date_expression>", now).passed()).isEqualTo(passes);
    }

    @Test
    void endWinsOverDuration() {
        String xml = "<date_expression id='d' start='2005-01-01' end='2005-01-02'><duration id='du' years='1'/>"
                + "</date_expression>";
        assertThat(eval(xml, "2005-01-02T00:00:00Z").passed()).isTrue();
        assertThat(eval(xml, "2005-01-02T00:00:01Z").passed()).isFalse();
    }

    @Test
    void durationEndingAtMidnightUtcEndsBeforeIt() {
        // Pacemaker: 23:00 + 1 hour is "24:00:00" of the same day, which is before the next midnight
        String xml = "<date_expression id='d' start='2005-01-01T23:00:00Z'><duration id='du' hours='1'/>"
                + "</date_expression>";
        assertThat(eval(xml, "2005-01-01T23:59:59Z").passed()).isTrue();
        assertThat(eval(xml, "2005-01-02T00:00:00Z").passed()).isFalse();
    }

    @Test
    void inRangeWithOnlyStartOrOnlyEnd() {
        String from = "<date_expression id='d' start='2024-02-01'/>";
        String until = "<date_expression id='d' end='2024-02-01'/>";
        assertThat(eval(from, "2024-01-31T23:59:59Z").passed()).isFalse();
        assertThat(eval(from, "2030-01-01T00:00:00Z").nextChange()).isEmpty();
        assertThat(eval(from, "2030-01-01T00:00:00Z").passed()).isTrue();
        assertThat(eval(until, "2024-02-01T00:00:00Z").passed()).isTrue();
        assertThat(eval(until, "2024-02-01T00:00:01Z").passed()).isFalse();
    }

    @ParameterizedTest(name = "gt 12:00 at {0}")
    @CsvSource(nullValues = "NULL", value = {
        "2024-02-01T11:59:59Z, false, 2024-02-01T12:00:01Z",
        "2024-02-01T12:00:00Z, false, 2024-02-01T12:00:01Z",  // strictly after
        "2024-02-01T12:00:01Z, true,  NULL",
    })
    void greaterThan(String now, boolean passes, String next) {
        RuleEvaluator.Result r = eval("<date_expression id='d' operation='gt' start='2024-02-01 12:00:00Z' "
                + "end='not a date, and ignored by gt'/>", now);
        assertThat(r.passed()).isEqualTo(passes);
        assertThat(r.nextChange()).isEqualTo(instant(next));
    }

    @ParameterizedTest(name = "lt 15:00 at {0}")
    @CsvSource(nullValues = "NULL", value = {
        "2024-02-01T14:59:59Z, true,  2024-02-01T15:00:00Z",
        "2024-02-01T15:00:00Z, false, NULL",                  // strictly before
    })
    void lessThan(String now, boolean passes, String next) {
        RuleEvaluator.Result r = eval("<date_expression id='d' operation='lt' end='2024-02-01 15:00:00Z'/>", now);
        assertThat(r.passed()).isEqualTo(passes);
        assertThat(r.nextChange()).isEqualTo(instant(next));
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
        "hours='9-16' weekdays='1-5',           2024-01-05T16:59:59Z, true",   // Friday
        "hours='9-16' weekdays='1-5',           2024-01-05T17:00:00Z, false",
        "hours='9-16' weekdays='1-5',           2024-01-06T10:00:00Z, false",  // Saturday
        "hours='9-16' weekdays='1-5',           2024-01-01T08:59:59Z, false",
        "weekdays='6',                          2024-01-06T00:00:00Z, true",
        "weekdays='7',                          2024-01-07T23:59:59Z, true",   // Sunday is 7
        "years='2005',                          2005-06-15T12:00:00Z, true",
        "years='2010-2030',                     2020-06-15T12:00:00Z, true",
        "years='2010-2015',                     2020-06-15T12:00:00Z, false",
        "years='-2020',                         2020-06-15T12:00:00Z, true",
        "years='-2019',                         2020-06-15T12:00:00Z, false",
        "years='2021-',                         2020-06-15T12:00:00Z, false",
        "years='2000-',                         2020-06-15T12:00:00Z, true",
        "months='2' monthdays='29',             2024-02-29T12:00:00Z, true",
        "yeardays='60',                         2024-02-29T12:00:00Z, true",
        "yeardays='60',                         2023-03-01T12:00:00Z, true",
        "minutes='0-29',                        2024-02-29T12:30:00Z, false",
        "seconds='30-',                         2024-02-29T12:00:30Z, true",
        "weeks='1' weekyears='2009',            2008-12-29T12:00:00Z, true",   // ISO week 2009-W01
        "weeks='53' weekyears='2009',           2010-01-03T12:00:00Z, true",
        "years='2008' weeks='1',                2008-12-29T12:00:00Z, true",
        "'',                                    2008-12-29T12:00:00Z, true",
        "weekdays='5-1',                        2024-01-05T12:00:00Z, false",  // no wrap-around
    })
    void dateSpec(String attrs, String now, boolean passes) {
        RuleEvaluator.Result r = eval("<date_expression id='d' operation='date_spec'><date_spec id='s' " + attrs
                + "/></date_expression>", now);
        assertThat(r.passed()).isEqualTo(passes);
        assertThat(r.nextChange()).as("Pacemaker does not predict date_spec changes").isEmpty();
    }

    @Test
    void dateSpecReadsFieldsInNowsOwnOffset() {
        String xml = "<date_expression id='d' operation='date_spec'><date_spec id='s' hours='9-16'/></date_expression>";
        Rule r = ruleWith(xml);
        OffsetDateTime utcEight = OffsetDateTime.parse("2024-01-05T08:00:00Z");
        assertThat(r.passes(RuleContext.at(utcEight))).isFalse();
        assertThat(r.passes(RuleContext.at(utcEight.withOffsetSameInstant(ZoneOffset.ofHours(2))))).isTrue();
    }

    @Test
    void datesWithoutOffsetUseTheContextsLocalOffset() {
        Rule r = ruleWith("<date_expression id='d' operation='gt' start='2024-01-01T10:00:00'/>");
        RuleContext ctx = at("2024-01-01T09:30:00Z");
        assertThat(r.passes(ctx.withLocalOffset(ZoneOffset.UTC))).isFalse();
        assertThat(r.passes(ctx.withLocalOffset(ZoneOffset.ofHours(1)))).as("10:00+01 is 09:00Z").isTrue();
    }

    @Test
    void docsMaintenanceWindowWithOffsets() {
        Rule r = ruleWith("<date_expression id='m' operation='in_range' start='2019-09-20 21:00:00 -05:00' "
                + "end='2019-09-20 23:00:00 -05:00'/>");
        assertThat(r.passes(at("2019-09-21T02:00:00Z"))).isTrue();
        assertThat(r.passes(at("2019-09-21T04:00:01Z"))).isFalse();
        assertThat(r.passes(at("2019-09-20T21:30:00Z"))).isFalse();
    }

    @Test
    void nextChangeIsTheEarliestAmongEvaluatedConditions() {
        Rule r = rule("<rule id='r' boolean-op='or'>"
                + "<date_expression id='a' operation='gt' start='2024-03-01'/>"
                + "<date_expression id='b' operation='lt' end='2024-02-01'/>"
                + "<date_expression id='c' operation='in_range' start='2024-02-10' end='2024-02-20'/>"
                + "</rule>");
        RuleEvaluator.Result before = RuleEvaluator.evaluate(r, at("2024-02-05T00:00:00Z"));
        assertThat(before.passed()).isFalse();
        assertThat(before.nextChange()).contains(Instant.parse("2024-02-10T00:00:00Z"));
        RuleEvaluator.Result early = RuleEvaluator.evaluate(r, at("2024-01-05T00:00:00Z"));
        assertThat(early.passed()).isTrue();
        assertThat(early.nextChange()).as("'or' stops at b; c is not evaluated")
                .contains(Instant.parse("2024-02-01T00:00:00Z"));
    }
}
