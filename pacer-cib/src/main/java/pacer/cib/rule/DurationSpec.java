package pacer.cib.rule;

/**
 * {@code duration} inside an {@code in_range} date expression: how far after {@code start} the
 * range ends when no {@code end} is given. Parts are added to the start one at a time in the
 * order years, months, weeks, days, hours, minutes, seconds, with {@link PcmkDate}'s arithmetic
 * (so {@code months="1"} from 31 January ends on the last day of February).
 */
public record DurationSpec(String id, int years, int months, int weeks, int days, int hours, int minutes,
                           int seconds, int line) {

    /** {@code start} plus this duration. */
    public PcmkDate addTo(PcmkDate start) {
        PcmkDate end = start;
        if (years != 0) end = end.plusYears(years);
        if (months != 0) end = end.plusMonths(months);
        if (weeks != 0) end = end.plusWeeks(weeks);
        if (days != 0) end = end.plusDays(days);
        if (hours != 0) end = end.plusHours(hours);
        if (minutes != 0) end = end.plusMinutes(minutes);
        if (seconds != 0) end = end.plusSeconds(seconds);
        return end;
    }
}
