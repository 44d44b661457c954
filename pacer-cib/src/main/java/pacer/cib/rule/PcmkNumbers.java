package pacer.cib.rule;

import java.math.BigInteger;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Number scanning with Pacemaker's (that is, C's {@code strtoll}/{@code strtod}) leniency:
 * leading white space is skipped and anything after the number is ignored, so {@code "12abc"}
 * reads as 12 and {@code "3.9"} as the integer 3. Text without digits, or a value out of range,
 * reads as nothing.
 */
public final class PcmkNumbers {
    private PcmkNumbers() {}

    /**
     * The 64-bit integer at the start of {@code text}, as Pacemaker's {@code integer} type reads
     * it; empty when there are no digits or the value overflows a {@code long}.
     */
    public static OptionalLong parseLongPrefix(String text) {
        if (text == null) return OptionalLong.empty();
        int i = skipSpace(text, 0);
        int start = i;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
        int digits = i;
        while (i < text.length() && isDigit(text.charAt(i))) i++;
        if (i == digits) return OptionalLong.empty();
        BigInteger v = new BigInteger(text.substring(start, i).replace("+", ""));
        if (v.bitLength() > 63) return OptionalLong.empty();
        return OptionalLong.of(v.longValue());
    }

    /**
     * The double at the start of {@code text}, as Pacemaker's {@code number} type reads it:
     * decimal or hexadecimal, {@code inf}, {@code infinity} or {@code nan}. Empty when nothing
     * parses, when a finite number overflows, and when a nonzero number underflows to a subnormal
     * or zero (Pacemaker counts any character but {@code 0 . e E} as "nonzero", so {@code -0}
     * is rejected too).
     */
    public static OptionalDouble parseDoublePrefix(String text) {
        if (text == null) return OptionalDouble.empty();
        int start = skipSpace(text, 0);
        int i = start;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        String rest = text.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (rest.startsWith("inf")) return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        if (rest.startsWith("nan")) return OptionalDouble.of(Double.NaN);
        int end;
        double value;
        if (rest.startsWith("0x") && hexMantissaEnd(text, i + 2) > i + 2) {
            end = hexEnd(text, i + 2);
            value = Double.parseDouble(text.substring(start, end).replace("+", "").replace("X", "x")
                    + (text.substring(i, end).toLowerCase(java.util.Locale.ROOT).contains("p") ? "" : "p0"));
        } else {
            end = decimalEnd(text, i);
            if (end < 0) return OptionalDouble.empty();
            value = Double.parseDouble(text.substring(start, end));
        }
        if (Double.isInfinite(value)) return OptionalDouble.empty();
        if (Math.abs(value) <= Double.MIN_NORMAL) {
            for (int k = start; k < end; k++) {
                if ("0.eE".indexOf(text.charAt(k)) < 0) return OptionalDouble.empty();
            }
        }
        return OptionalDouble.of(value);
    }

    /** End of a decimal floating-point number starting at {@code i}, or -1 without digits. */
    private static int decimalEnd(String t, int i) {
        int n = t.length();
        int intDigits = 0;
        while (i < n && isDigit(t.charAt(i))) { i++; intDigits++; }
        int fracDigits = 0;
        if (i < n && t.charAt(i) == '.') {
            int j = i + 1;
            while (j < n && isDigit(t.charAt(j))) { j++; fracDigits++; }
            if (intDigits + fracDigits > 0) i = j;
        }
        if (intDigits + fracDigits == 0) return -1;
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (t.charAt(j) == '+' || t.charAt(j) == '-')) j++;
            int expStart = j;
            while (j < n && isDigit(t.charAt(j))) j++;
            if (j > expStart) i = j;
        }
        return i;
    }

    private static int hexMantissaEnd(String t, int i) {
        int n = t.length();
        int digits = 0;
        while (i < n && Character.digit(t.charAt(i), 16) >= 0) { i++; digits++; }
        if (i < n && t.charAt(i) == '.') {
            int j = i + 1;
            int frac = 0;
            while (j < n && Character.digit(t.charAt(j), 16) >= 0) { j++; frac++; }
            if (digits + frac > 0) return j;
        }
        return digits > 0 ? i : -1;
    }

    private static int hexEnd(String t, int i) {
        int end = hexMantissaEnd(t, i);
        int n = t.length();
        if (end < n && (t.charAt(end) == 'p' || t.charAt(end) == 'P')) {
            int j = end + 1;
            if (j < n && (t.charAt(j) == '+' || t.charAt(j) == '-')) j++;
            int expStart = j;
            while (j < n && isDigit(t.charAt(j))) j++;
            if (j > expStart) return j;
        }
        return end;
    }

    static int skipSpace(String t, int i) {
        while (i < t.length() && isCSpace(t.charAt(i))) i++;
        return i;
    }

    static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
}
