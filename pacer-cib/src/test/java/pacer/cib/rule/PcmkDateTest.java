package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PcmkDateTest {
    private static PcmkDate date(String text) {
        return PcmkDate.parse(text, ZoneOffset.UTC).orElseThrow(() -> new AssertionError("unparsable " + text));
    }

    private static Instant instant(String text) { return date(text).toInstant(); }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2005-001,                    2005-01-01T00:00:00Z",
        "2005-365,                    2005-12-31T00:00:00Z",
        "2004-366,                    2004-12-31T00:00:00Z",
        "2005-01-01,                  2005-01-01T00:00:00Z",
        "20050302,                    2005-03-02T00:00:00Z",
        "2005-1-2,                    2005-01-02T00:00:00Z",
        "2009-W01-1,                  2008-12-29T00:00:00Z",
        "2009-W53-7,                  2010-01-03T00:00:00Z",
        "2008-W39-6,                  2008-09-27T00:00:00Z",
        "2008-W37-6,                  2008-09-13T00:00:00Z",
        "2005-W01-1,                  2005-01-03T00:00:00Z",
        "2005-01-01T10:20:30Z,        2005-01-01T10:20:30Z",
        "2005-01-01 10:20:30Z,        2005-01-01T10:20:30Z",
        "2005-01-01T10:20:30+01:00,   2005-01-01T09:20:30Z",
        "2005-01-01 10:20:30 +01:00,  2005-01-01T09:20:30Z",
        "2019-09-20 21:00:00 -05:00,  2019-09-21T02:00:00Z",
        "2005-01-01T102030Z,          2005-01-01T10:20:30Z",
        "2005-01-01T10Z,              2005-01-01T10:00:00Z",
        "2005-01-01T10:20+0130,       2005-01-01T08:50:00Z",
        "2005-01-01T24:00:00Z,        2005-01-02T00:00:00Z",
        "2004-12-31T24:00:00Z,        2005-01-01T00:00:00Z",
        "epoch,                       1970-01-01T00:00:00Z",
        "2005-01-01xyz,               2005-01-01T00:00:00Z",
        "2005-01-01 10:00:00 UTC,     2005-01-01T10:00:00Z",
    })
    void parsesPacemakerForms(String text, String expected) {
        assertThat(instant(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2005", "2005-13-01", "2005-02-29", "2005-00-10", "2005-366", "2005-000",
        "2005-W54-1", "2005-W53-1", "2005-W01-8", "2005-W00-1", "0000-01-01", "2005-01-01T25:00:00Z",
        "2005-01-01T10:60:00Z", "2005-01-01T10:00:60Z", "2005-01-01T24:00:01Z", "2005-01-01T", "T10:00:00",
        "10:00:00", "next tuesday", "2005-01-01T10:00:00+25:00"})
    void rejectsInvalidDates(String text) {
        assertThat(PcmkDate.parse(text)).as(text).isEmpty();
    }

    @Test
    void dateWithoutTimeIsUtcButTimeWithoutOffsetFloats() {
        PcmkDate dateOnly = PcmkDate.parse("2005-01-01").orElseThrow();
        PcmkDate local = PcmkDate.parse("2005-01-01T10:00:00").orElseThrow();
        assertThat(dateOnly.floating()).isFalse();
        assertThat(dateOnly.toInstant()).isEqualTo(Instant.parse("2005-01-01T00:00:00Z"));
        assertThat(local.floating()).isTrue();
        assertThatThrownBy(local::toInstant).isInstanceOf(IllegalStateException.class);
        assertThat(local.atLocalOffset(ZoneOffset.ofHours(2)).toInstant())
                .isEqualTo(Instant.parse("2005-01-01T08:00:00Z"));
        assertThat(PcmkDate.parse("2005-01-01T10:00:00Z", ZoneOffset.ofHours(2)).orElseThrow().toInstant())
                .as("an explicit offset wins over the local one")
                .isEqualTo(Instant.parse("2005-01-01T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        // months keep the day of the month, clamped to the target month
        "2005-01-31, P1M,   2005-02-28",
        "2004-01-31, P1M,   2004-02-29",
        "2005-03-31, P-1M,  2005-02-28",
        "2005-12-15, P1M,   2006-01-15",
        "2005-01-15, P-13M, 2003-12-15",
        // years keep the ordinal day
        "2004-02-29, P1Y,   2005-03-01",
        "2005-03-01, P-1Y,  2004-02-29",
        "2024-01-01T00:30:00Z, P1Y, 2025-01-01T00:30:00Z",
        // days and seconds
        "2024-02-28, P1D,   2024-02-29",
        "2023-01-01, P426D, 2024-03-02",
        "2025-01-01, P28000D, 2101-08-31",
        "2025-01-01, P-1D,  2024-12-31",
        "2024-12-31T23:59:59+06:00, PT1S, 2025-01-01T00:00:00+06:00",
        "2024-12-31T23:59:59Z, PT2S, 2025-01-01T00:00:01Z",
        "2005-01-01, P1W,   2005-01-08",
        "2005-01-01, P1Y2M3DT4H5M6S, 2006-03-04T04:05:06Z",
    })
    void addsDurationsLikePacemaker(String start, String duration, String expected) {
        PcmkDate result = date(start).plus(PcmkDuration.parse(duration).orElseThrow());
        assertThat(result.compareTo(date(expected))).as("%s", result).isZero();
    }

    @Test
    void yearAfterLeapDayThirtyFirstIsDay366OfACommonYear() {
        PcmkDate d = date("2004-12-31").plusYears(1);
        assertThat(d.year()).isEqualTo(2005);
        assertThat(d.dayOfYear()).isEqualTo(366);
        assertThat(d.isAfter(date("2005-12-31T23:59:59Z"))).isTrue();
        assertThat(d.isBefore(date("2006-01-01T00:00:01Z"))).isTrue();
        assertThat(d.plusDays(1).compareTo(date("2006-01-02"))).isZero();
        assertThat(d.toString()).isEqualTo("2005-366 00:00:00 +00:00");
    }

    @Test
    void secondsCanStopAtSecond86400WhichComparesBeforeNextMidnight() {
        PcmkDate late = date("2005-01-01T23:00:00Z").plusHours(1);
        PcmkDate midnight = date("2005-01-02T00:00:00Z");
        assertThat(late.secondOfDay()).isEqualTo(86_400);
        assertThat(late.dayOfYear()).isEqualTo(1);
        assertThat(late.isBefore(midnight)).isTrue();
        assertThat(late.toInstant()).isEqualTo(midnight.toInstant());
        assertThat(late.plusSeconds(1).compareTo(date("2005-01-02T00:00:01Z"))).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "2005-01-01T10:00:00+01:00, 2005-01-01T09:00:00Z,  0",
        "2005-01-01T00:30:00+01:00, 2004-12-31T23:30:00Z,  0",
        "2005-01-01T00:30:00+01:00, 2004-12-31T23:30:01Z, -1",
        "2005-01-01,                2004-12-31T23:59:59Z,  1",
    })
    void comparesInUtc(String a, String b, int sign) {
        assertThat(Integer.signum(date(a).compareTo(date(b)))).isEqualTo(sign);
    }

    @Test
    void arithmeticClipsToRepresentableYears() {
        assertThat(date("2024-01-01").plusYears(-3000).compareTo(date("0001-01-01"))).isZero();
        assertThat(date("0001-01-05").plusDays(-10).compareTo(date("0001-01-01"))).isZero();
        assertThat(date("2024-01-01").plusYears(Integer.MAX_VALUE).year()).isEqualTo(PcmkDate.MAX_YEAR);
    }

    @Test
    void convertsFromAndToOffsetDateTime() {
        OffsetDateTime t = OffsetDateTime.parse("2005-03-01T10:15:30+02:00");
        PcmkDate d = PcmkDate.of(t);
        assertThat(d.year()).isEqualTo(2005);
        assertThat(d.dayOfYear()).isEqualTo(60);
        assertThat(d.secondOfDay()).isEqualTo(10 * 3600 + 15 * 60 + 30);
        assertThat(d.offsetSeconds()).isEqualTo(7200);
        assertThat(d.toOffsetDateTime()).isEqualTo(t);
        assertThat(d.toString()).isEqualTo("2005-03-01 10:15:30 +02:00");
    }

    @Test
    void weekYearsMatchTheIsoCalendar() {
        for (int year = 1990; year <= 2040; year++) {
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            assertThat(PcmkDateParser.jan1Weekday(year)).as("jan1 %d", year).isEqualTo(jan1.getDayOfWeek().getValue());
            int weeks = (int) jan1.with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1)
                    .plusYears(0).range(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
            LocalDate mid = LocalDate.of(year, 6, 1);
            int isoWeeks = (int) mid.range(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
            assertThat(PcmkDateParser.weeksInYear(year)).as("weeks %d", year).isEqualTo(isoWeeks);
            assertThat(weeks).isPositive();
            String lastWeek = String.format("%d-W%02d-7", year, isoWeeks);
            LocalDate expected = mid.with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, isoWeeks)
                    .with(java.time.DayOfWeek.SUNDAY);
            assertThat(date(lastWeek).toInstant()).as(lastWeek)
                    .isEqualTo(expected.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }
}
