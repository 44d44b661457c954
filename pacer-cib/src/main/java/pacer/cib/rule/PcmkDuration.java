package pacer.cib.rule;

import java.util.Optional;

/**
 * An ISO 8601 duration as Pacemaker reads it ({@code P1Y2M3DT4H5M6S}, {@code PT1H},
 * {@code P1W}), kept in Pacemaker's four parts: years and months (calendar units, whose length
 * depends on the date they are added to), days (weeks count as 7 days) and seconds (hours and
 * minutes are folded in).
 *
 * <p>Parsing follows Pacemaker rather than the standard where they differ: units may come in any
 * order, {@code M} means months before a {@code T} and minutes after it, a repeated {@code Y} or
 * month {@code M} replaces the earlier value while other units add up, components may be negative
 * ({@code PT-5S}), fractions are not supported, each number must fit a 32-bit {@code int}, text
 * after white space or a {@code /} is ignored, and an all-zero duration ({@code P0D}) is invalid.
 */
public record PcmkDuration(int years, int months, int days, int seconds) {

    /** A duration from already-split parts (weeks, hours and minutes folded in). */
    public static PcmkDuration of(int years, int months, int days, int seconds) {
        return new PcmkDuration(years, months, days, seconds);
    }

    /** Parses {@code text}; empty when Pacemaker would reject it. */
    public static Optional<PcmkDuration> parse(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != 'P') return Optional.empty();
        if (text.length() == 1 || PcmkNumbers.isCSpace(text.charAt(1))) return Optional.empty();
        int years = 0;
        int months = 0;
        long days = 0;
        long seconds = 0;
        boolean time = false;
        int i = 1;
        while (i < text.length() && text.charAt(i) != '/' && !PcmkNumbers.isCSpace(text.charAt(i))) {
            char c = text.charAt(i);
            if (c == 'T') {
                time = true;
                i++;
                continue;
            }
            int[] number = readInt(text, i);
            if (number == null) return Optional.empty();
            i = number[1];
            if (i >= text.length()) return Optional.empty();
            long v = number[0];
            switch (text.charAt(i)) {
                case 'Y' -> years = (int) v;
                case 'M' -> {
                    if (time) seconds += v * 60; else months = (int) v;
                }
                case 'W' -> days += v * 7;
                case 'D' -> days += v;
                case 'H' -> seconds += v * 3600;
                case 'S' -> seconds += v;
                default -> { return Optional.empty(); }
            }
            if (days != (int) days || seconds != (int) seconds) return Optional.empty();
            i++;
        }
        if (years == 0 && months == 0 && days == 0 && seconds == 0) return Optional.empty();
        return Optional.of(new PcmkDuration(years, months, (int) days, (int) seconds));
    }

    /**
     * Reads an optionally signed number of at most ten digits at {@code i}; returns
     * {value, index after it}, or {@code null} when there is no number or it exceeds an int.
     */
    private static int[] readInt(String t, int i) {
        boolean negative = false;
        char first = t.charAt(i);
        if (first == '-') { negative = true; i++; }
        else if (first == '+' || first == ':') i++;
        long v = 0;
        int digits = 0;
        while (digits < 10 && i < t.length() && PcmkNumbers.isDigit(t.charAt(i))) {
            v = v * 10 + (t.charAt(i) - '0');
            if (v > Integer.MAX_VALUE) return null;
            i++;
            digits++;
        }
        if (digits == 0) return null;
        return new int[] {(int) (negative ? -v : v), i};
    }

    /** The same duration with every part negated. */
    public PcmkDuration negated() {
        return new PcmkDuration(-years, -months, -days, -seconds);
    }

    /** ISO 8601 text, e.g. {@code P1Y2M3DT4H5M6S}; zero parts are left out. */
    @Override public String toString() {
        StringBuilder b = new StringBuilder("P");
        if (years != 0) b.append(years).append('Y');
        if (months != 0) b.append(months).append('M');
        if (days != 0) b.append(days).append('D');
        if (seconds != 0) {
            b.append('T');
            int h = seconds / 3600;
            int m = (seconds % 3600) / 60;
            int s = seconds % 60;
            if (h != 0) b.append(h).append('H');
            if (m != 0) b.append(m).append('M');
            if (s != 0) b.append(s).append('S');
        }
        return b.length() == 1 ? "PT0S" : b.toString();
    }
}
