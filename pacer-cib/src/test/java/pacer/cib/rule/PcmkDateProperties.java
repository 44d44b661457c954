package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PcmkDateProperties {
    @Provide
    Arbitrary<OffsetDateTime> times() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(
                Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(), Instant.parse("2100-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> offsetQuarters = Arbitraries.integers().between(-48, 56);
        return Combinators.combine(seconds, offsetQuarters).as((s, q) ->
                Instant.ofEpochSecond(s).atOffset(ZoneOffset.ofTotalSeconds(q * 900)));
    }

    @Property
    void addingDaysAndSecondsMovesTheInstantExactly(@ForAll("times") OffsetDateTime t,
            @ForAll @IntRange(min = -20000, max = 20000) int days,
            @ForAll @IntRange(min = -400000, max = 400000) int seconds) {
        PcmkDate d = PcmkDate.of(t).plus(PcmkDuration.of(0, 0, days, seconds));
        assertThat(d.toInstant()).isEqualTo(t.toInstant().plusSeconds(days * 86_400L + seconds));
    }

    @Property
    void addingThenSubtractingDaysAndSecondsRoundTrips(@ForAll("times") OffsetDateTime t,
            @ForAll @IntRange(min = -20000, max = 20000) int days,
            @ForAll @IntRange(min = -400000, max = 400000) int seconds) {
        PcmkDate start = PcmkDate.of(t);
        PcmkDuration d = PcmkDuration.of(0, 0, days, seconds);
        assertThat(start.plus(d).minus(d).toInstant()).isEqualTo(start.toInstant());
    }

    @Property
    void monthsThatDoNotClampRoundTrip(@ForAll("times") OffsetDateTime t,
            @ForAll @IntRange(min = -1200, max = 1200) int months) {
        PcmkDate start = PcmkDate.of(t.withDayOfMonth(Math.min(t.getDayOfMonth(), 28)));
        PcmkDuration d = PcmkDuration.of(0, months, 0, 0);
        assertThat(start.plus(d).minus(d)).isEqualTo(start);
        assertThat(start.plus(d).toOffsetDateTime()).isEqualTo(start.toOffsetDateTime().plusMonths(months));
    }

    @Property
    void compareAgreesWithTheInstantsForOrdinaryDates(@ForAll("times") OffsetDateTime a, @ForAll("times") OffsetDateTime b) {
        assertThat(Integer.signum(PcmkDate.of(a).compareTo(PcmkDate.of(b))))
                .isEqualTo(Integer.signum(a.toInstant().compareTo(b.toInstant())));
    }

    @Property
    void toStringParsesBackToTheSameInstant(@ForAll("times") OffsetDateTime t) {
        PcmkDate d = PcmkDate.of(t);
        assertThat(PcmkDate.parse(d.toString()).map(PcmkDate::toInstant)).contains(t.toInstant());
    }
}
