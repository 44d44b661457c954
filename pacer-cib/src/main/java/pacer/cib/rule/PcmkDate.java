package pacer.cib.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A date and time as Pacemaker holds one: a year, an ordinal day of that year, seconds since
 * midnight, and a UTC offset. Pacemaker's arithmetic and comparison on that representation have
 * quirks that decide rule boundaries, and this class keeps them:
 * <ul>
 *   <li>{@link #plusYears} keeps the <em>ordinal</em> day, so 2004-02-29 (day 60) plus a year is
 *       2005-03-01, and 2004-12-31 (day 366) plus a year is "2005-366", a day after 2005-12-31.</li>
 *   <li>{@link #plusMonths} keeps the day of the month unless the target month is shorter, then
 *       uses its last day: 2005-01-31 plus a month is 2005-02-28.</li>
 *   <li>{@link #plusSeconds} can land on second 86400 of a day (Pacemaker only rolls over past
 *       it): 23:00:00 plus an hour is "24:00:00" of the same day, which compares <em>before</em>
 *       00:00:00 of the next day though it is the same instant.</li>
 *   <li>{@link #compareTo} moves both sides to UTC with that arithmetic, then compares year, day
 *       and seconds in turn.</li>
 * </ul>
 *
 * <p><b>Time zones.</b> A date without a time ({@code 2005-001}) is midnight UTC. A date with a time
 * but no offset ({@code 2005-01-01T10:00:00}) is local time: Pacemaker applies the host's current
 * UTC offset. Here such a date is <em>floating</em> ({@link #floating()}) until
 * {@link #atLocalOffset} supplies that offset; rules get it from {@link RuleContext#localOffset()}.
 * cts-scheduler test runs use UTC, so there the two readings agree.
 *
 * @param year 1 to {@value #MAX_YEAR}
 * @param dayOfYear 1 to 366 (366 in a common year only through {@link #plusYears})
 * @param secondOfDay 0 to 86400 (86400 only through {@link #plusSeconds})
 * @param offsetSeconds east of UTC; meaningless while {@code floating}
 * @param floating whether the offset is still to be supplied
 */
public record PcmkDate(int year, int dayOfYear, int secondOfDay, int offsetSeconds, boolean floating)
        implements Comparable<PcmkDate> {
    /** The largest year this class represents (java.time's limit). */
    public static final int MAX_YEAR = 999_999_999;
    static final int DAY = 86_400;
    private static final int CYCLE_DAYS = 146_097;

    public PcmkDate {
        if (year < 1 || year > MAX_YEAR) throw new IllegalArgumentException("year " + year);
        if (dayOfYear < 1 || dayOfYear > 366) throw new IllegalArgumentException("day " + dayOfYear);
        if (secondOfDay < 0 || secondOfDay > DAY) throw new IllegalArgumentException("second " + secondOfDay);
        if (Math.abs(offsetSeconds) > DAY) throw new IllegalArgumentException("offset " + offsetSeconds);
    }

    /**
     * Parses Pacemaker's ISO 8601 forms: {@code 2005-01-01}, {@code 20050101}, {@code 2005-001}
     * (ordinal), {@code 2005-W01-1} (week date), {@code epoch}, each optionally followed by
     * {@code T} or a space and a time {@code hh[:mm[:ss]]} or {@code hhmmss}, then {@code Z}, an
     * offset {@code ±hh[:mm]} (a space before it is allowed) or nothing (floating local time).
     * {@code 24:00:00} is midnight of the next day. A time without a date is not supported
     * (Pacemaker would take today's date from the wall clock).
     */
    public static Optional<PcmkDate> parse(String text) {
        return PcmkDateParser.parse(text);
    }

    /** {@link #parse(String)}, with a floating result placed at {@code localOffset}. */
    public static Optional<PcmkDate> parse(String text, ZoneOffset localOffset) {
        return parse(text).map(d -> d.atLocalOffset(localOffset));
    }

    /** The date of an {@link OffsetDateTime}, keeping its offset. */
    public static PcmkDate of(OffsetDateTime t) {
        return new PcmkDate(t.getYear(), t.getDayOfYear(), t.toLocalTime().toSecondOfDay(),
                t.getOffset().getTotalSeconds(), false);
    }

    /** An instant as seen in {@code zone} (as Pacemaker reads {@code execution-date}). */
    public static PcmkDate ofInstant(Instant instant, ZoneId zone) {
        return of(OffsetDateTime.ofInstant(instant, zone));
    }

    /** Midnight UTC at the start of the given ordinal day. */
    public static PcmkDate ofOrdinal(int year, int dayOfYear) {
        return new PcmkDate(year, dayOfYear, 0, 0, false);
    }

    /** This date with {@code offset} if it is floating; otherwise this date. */
    public PcmkDate atLocalOffset(ZoneOffset offset) {
        return floating ? new PcmkDate(year, dayOfYear, secondOfDay, offset.getTotalSeconds(), false) : this;
    }

    static boolean isLeap(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int yearDays(long year) { return isLeap(year) ? 366 : 365; }

    /** Adds years, keeping the ordinal day (see the class comment); clips to years 1..MAX_YEAR. */
    public PcmkDate plusYears(long years) {
        long y = Math.max(1, Math.min(MAX_YEAR, year + years));
        return with((int) y, dayOfYear, secondOfDay);
    }

    /**
     * Adds months, keeping the day of the month or using the target month's last day. A "day 366"
     * of a common year counts as 1 January of the next (where Pacemaker computes garbage); results
     * before year 1 clip to 1 January of year 1.
     */
    public PcmkDate plusMonths(long months) {
        int y = year;
        int doy = dayOfYear;
        if (doy > yearDays(y)) { // "2005-366": read as 1 January of the next year
            y++;
            doy = 1;
        }
        LocalDate d = LocalDate.ofYearDay(y, doy);
        long total = (long) y * 12 + (d.getMonthValue() - 1) + months;
        long newYear = Math.floorDiv(total, 12);
        if (newYear < 1) return with(1, 1, secondOfDay);
        if (newYear > MAX_YEAR) return with(MAX_YEAR, yearDays(MAX_YEAR), secondOfDay);
        int newMonth = Math.floorMod(total, 12) + 1;
        LocalDate first = LocalDate.of((int) newYear, newMonth, 1);
        int day = Math.min(d.getDayOfMonth(), first.lengthOfMonth());
        return with((int) newYear, first.withDayOfMonth(day).getDayOfYear(), secondOfDay);
    }

    public PcmkDate plusWeeks(long weeks) { return plusDays(weeks * 7); }

    /** Adds days, carrying into years; clips at 1 January of year 1 and the end of MAX_YEAR. */
    public PcmkDate plusDays(long days) {
        long y = year;
        long value = days;
        if (value > 0) {
            while (dayOfYear + value > CYCLE_DAYS + 366 && y + 400 <= MAX_YEAR) { value -= CYCLE_DAYS; y += 400; }
            while (dayOfYear + value > yearDays(y)) {
                if (y == MAX_YEAR) return with(MAX_YEAR, yearDays(MAX_YEAR), secondOfDay);
                value -= yearDays(y);
                y++;
            }
        } else if (value < 0) {
            while (dayOfYear + value + CYCLE_DAYS + 366 < 1 && y > 401) { value += CYCLE_DAYS; y -= 400; }
            while (dayOfYear + value < 1) {
                if (y <= 1) return with(1, 1, secondOfDay);
                y--;
                value += yearDays(y);
            }
        }
        return with((int) y, (int) (dayOfYear + value), secondOfDay);
    }

    public PcmkDate plusHours(long hours) { return plusSeconds(hours * 3600); }

    public PcmkDate plusMinutes(long minutes) { return plusSeconds(minutes * 60); }

    /** Adds seconds; a result of exactly 86400 stays on the same day (see the class comment). */
    public PcmkDate plusSeconds(long seconds) {
        long days = seconds / DAY;
        long s = secondOfDay + seconds % DAY;
        if (s > DAY) {
            days++;
            s -= DAY;
        } else if (s < 0) {
            days--;
            s += DAY;
        }
        return with(year, dayOfYear, (int) s).plusDays(days);
    }

    /** Adds years, months, days, then seconds, as Pacemaker adds a duration. */
    public PcmkDate plus(PcmkDuration d) {
        return plusYears(d.years()).plusMonths(d.months()).plusDays(d.days()).plusSeconds(d.seconds());
    }

    /** Subtracts years, months, days, then seconds. */
    public PcmkDate minus(PcmkDuration d) {
        return plusYears(-(long) d.years()).plusMonths(-(long) d.months()).plusDays(-(long) d.days())
                .plusSeconds(-(long) d.seconds());
    }

    private PcmkDate with(int y, int doy, int sec) {
        return new PcmkDate(y, doy, sec, offsetSeconds, floating);
    }

    /** The same moment in UTC, by Pacemaker's arithmetic. */
    PcmkDate toUtc() {
        requireResolved();
        if (offsetSeconds == 0) return this;
        return new PcmkDate(year, dayOfYear, secondOfDay, 0, false).plusSeconds(-(long) offsetSeconds);
    }

    /** Pacemaker's comparison: both sides in UTC, then year, ordinal day and seconds. */
    @Override public int compareTo(PcmkDate other) {
        PcmkDate a = toUtc();
        PcmkDate b = other.toUtc();
        if (a.year != b.year) return Integer.compare(a.year, b.year);
        if (a.dayOfYear != b.dayOfYear) return Integer.compare(a.dayOfYear, b.dayOfYear);
        return Integer.compare(a.secondOfDay, b.secondOfDay);
    }

    public boolean isBefore(PcmkDate other) { return compareTo(other) < 0; }

    public boolean isAfter(PcmkDate other) { return compareTo(other) > 0; }

    /** The instant (second 86400 of a day is the next midnight; day 366 of a common year is 1 January). */
    public Instant toInstant() {
        requireResolved();
        long epochDay = LocalDate.ofYearDay(year, 1).toEpochDay() + dayOfYear - 1;
        return Instant.ofEpochSecond(epochDay * DAY + secondOfDay - offsetSeconds);
    }

    /** The instant at this date's offset. */
    public OffsetDateTime toOffsetDateTime() {
        int max = 18 * 3600; // java.time's limit; Pacemaker accepts up to 24 hours
        return toInstant().atOffset(Math.abs(offsetSeconds) <= max ? ZoneOffset.ofTotalSeconds(offsetSeconds) : ZoneOffset.UTC);
    }

    private void requireResolved() {
        if (floating) throw new IllegalStateException(this + " has no UTC offset yet: use atLocalOffset");
    }

    /** {@code 2005-01-01 10:00:00 +01:00}; ordinal form for "2005-366"; no offset while floating. */
    @Override public String toString() {
        StringBuilder b = new StringBuilder();
        if (dayOfYear <= yearDays(year)) {
            b.append(LocalDate.ofYearDay(year, dayOfYear));
        } else {
            b.append(String.format("%04d-%03d", year, dayOfYear));
        }
        b.append(String.format(" %02d:%02d:%02d", secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60));
        if (!floating) {
            int abs = Math.abs(offsetSeconds);
            b.append(String.format(" %c%02d:%02d", offsetSeconds < 0 ? '-' : '+', abs / 3600, abs % 3600 / 60));
        }
        return b.toString();
    }
}
