package pacer.cib.rule;

import java.util.Optional;

/**
 * The parser behind {@link PcmkDate#parse(String)}. It accepts what Pacemaker accepts, including
 * its leniency: numbers of any width in the dashed forms ({@code 2005-1-1}), and text after the
 * date that starts with neither {@code T} nor a space is ignored.
 */
final class PcmkDateParser {
    private PcmkDateParser() {}

    /** A cursor over unsigned decimal numbers, like C's {@code sscanf("%u")}. */
    private static final class Scan {
        final String s;
        int i;
        final long[] values = new long[3];
        int count;

        Scan(String s) { this.s = s; }

        /** Reads a number of at most {@code width} digits (0: any), after optional white space. */
        boolean number(int width) {
            int j = PcmkNumbers.skipSpace(s, i);
            if (j < s.length() && s.charAt(j) == '+') j++;
            int start = j;
            long v = 0;
            while (j < s.length() && PcmkNumbers.isDigit(s.charAt(j)) && (width == 0 || j - start < width)) {
                v = Math.min(v * 10 + (s.charAt(j) - '0'), 1L << 40);
                j++;
            }
            if (j == start) return false;
            values[count++] = v;
            i = j;
            return true;
        }

        boolean literal(String lit) {
            if (!s.startsWith(lit, i)) return false;
            i += lit.length();
            return true;
        }

        /** Numbers separated by {@code seps}, stopping at the first mismatch; returns how many. */
        int numbers(int width, String... seps) {
            int[] widths = new int[seps.length + 1];
            java.util.Arrays.fill(widths, width);
            return numbers(widths, seps);
        }

        /** As {@link #numbers(int, String...)} with a width per number. */
        int numbers(int[] widths, String... seps) {
            if (!number(widths[0])) return count;
            for (int k = 0; k < seps.length; k++) {
                if (!literal(seps[k]) || !number(widths[k + 1])) break;
            }
            return count;
        }
    }

    static Optional<PcmkDate> parse(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        if (text.charAt(0) == 'T' || (text.length() > 2 && text.charAt(2) == ':')) {
            return Optional.empty(); // a time of day without a date: Pacemaker takes the wall clock's date
        }
        if (text.regionMatches(true, 0, "epoch", 0, 5)
                && (text.length() == 5 || text.charAt(5) == '/' || PcmkNumbers.isCSpace(text.charAt(5)))) {
            return Optional.of(PcmkDate.ofOrdinal(1970, 1));
        }
        int[] yd = parseDatePart(text);
        if (yd == null) return Optional.empty();
        PcmkDate date = PcmkDate.ofOrdinal(yd[0], yd[1]);

        int t = 0;
        while (t < text.length() && "0123456789-W".indexOf(text.charAt(t)) >= 0) t++;
        if (t < text.length() && (text.charAt(t) == ' ' || text.charAt(t) == 'T')) {
            return parseTime(text.substring(t + 1), date);
        }
        return Optional.of(date);
    }

    /** {year, ordinal day}, or null. */
    private static int[] parseDatePart(String text) {
        Scan g = new Scan(text);
        int n = g.numbers(0, "-", "-");
        if (n == 1) {
            g = new Scan(text);
            n = g.numbers(new int[] {4, 2, 2}, "", "");
        }
        if (n == 3) {
            long y = g.values[0], m = g.values[1], d = g.values[2];
            if (m < 1 || m > 12 || !validYear(y)) return null;
            int len = java.time.YearMonth.of((int) y, (int) m).lengthOfMonth();
            if (d < 1 || d > len) return null;
            return new int[] {(int) y, java.time.LocalDate.of((int) y, (int) m, (int) d).getDayOfYear()};
        }
        Scan o = new Scan(text);
        if (o.numbers(0, "-") == 2) {
            long y = o.values[0], d = o.values[1];
            if (!validYear(y) || d < 1 || d > PcmkDate.yearDays(y)) return null;
            return new int[] {(int) y, (int) d};
        }
        Scan w = new Scan(text);
        if (w.numbers(0, "-W", "-") == 3) {
            long y = w.values[0], week = w.values[1], day = w.values[2];
            if (!validYear(y) || week < 1 || week > weeksInYear(y) || day < 1 || day > 7) return null;
            return weekDate((int) y, (int) week, (int) day);
        }
        return null;
    }

    private static boolean validYear(long y) { return y >= 1 && y < PcmkDate.MAX_YEAR; }

    /** ISO weekday (1 = Monday) of 1 January of {@code year}. */
    static int jan1Weekday(long year) {
        long p = year - 1;
        long sunday0 = (1 + 5 * (p % 4) + 4 * (p % 100) + 6 * (p % 400)) % 7; // 0 = Sunday
        return sunday0 == 0 ? 7 : (int) sunday0;
    }

    /** 53 when the year starts on a Thursday or ends on one, else 52. */
    static int weeksInYear(long year) {
        return jan1Weekday(year) == 4 || jan1Weekday(year + 1) == 5 ? 53 : 52;
    }

    /** {year, ordinal day} of an ISO week date; week 1 holds the year's first Thursday. */
    private static int[] weekDate(int year, int week, int day) {
        int jan1 = jan1Weekday(year);
        int mondayOfWeek1 = jan1 <= 4 ? 2 - jan1 : 9 - jan1; // ordinal day, may be <= 0
        int ordinal = mondayOfWeek1 + (week - 1) * 7 + (day - 1);
        if (ordinal < 1) return new int[] {year - 1, ordinal + PcmkDate.yearDays(year - 1)};
        if (ordinal > PcmkDate.yearDays(year)) return new int[] {year + 1, ordinal - PcmkDate.yearDays(year)};
        return new int[] {year, ordinal};
    }

    private static Optional<PcmkDate> parseTime(String time, PcmkDate date) {
        int seconds = hms(time);
        if (seconds < 0) return Optional.empty();
        int z = time.indexOf('Z');
        int offsetAt = z;
        if (offsetAt < 0) {
            for (int k = 0; k < time.length(); k++) {
                char c = time.charAt(k);
                if (c == ' ' || c == '+' || c == '-') { offsetAt = k; break; }
            }
        }
        boolean floating = offsetAt < 0;
        int offset = 0;
        if (!floating) {
            String o = time.substring(PcmkNumbers.skipSpace(time, offsetAt));
            if (!o.isEmpty() && o.charAt(0) != 'Z'
                    && (o.charAt(0) == '+' || o.charAt(0) == '-' || PcmkNumbers.isDigit(o.charAt(0)))) {
                boolean negative = o.charAt(0) == '-';
                int v = hms(o.charAt(0) == '+' || negative ? o.substring(1) : o);
                if (v < 0) return Optional.empty();
                offset = negative ? -v : v;
            }
            // Pacemaker reads anything else after the time ("UTC", "Z...") as offset 0
        }
        PcmkDate result = new PcmkDate(date.year(), date.dayOfYear(), 0, offset, floating);
        result = seconds == PcmkDate.DAY ? result.plusDays(1)
                : new PcmkDate(date.year(), date.dayOfYear(), seconds, offset, floating);
        return result.year() >= PcmkDate.MAX_YEAR ? Optional.empty() : Optional.of(result);
    }

    /** Seconds in {@code hh[:mm[:ss]]} or {@code hh[mm[ss]]} (86400 for 24:00:00), or -1. */
    private static int hms(String s) {
        Scan c = new Scan(s);
        int n = c.numbers(0, ":", ":");
        if (n == 1) {
            c = new Scan(s);
            n = c.numbers(2, "", "");
        }
        if (n < 1) return -1;
        long h = c.values[0], m = c.values[1], sec = c.values[2];
        boolean midnight = h == 24 && m == 0 && sec == 0;
        if ((h >= 24 && !midnight) || m >= 60 || sec >= 60) return -1;
        return (int) (h * 3600 + m * 60 + sec);
    }
}
