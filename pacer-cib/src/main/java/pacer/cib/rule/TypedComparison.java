package pacer.cib.rule;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two attribute values the way a node attribute expression does.
 * <ul>
 *   <li>{@code null} (an undefined attribute or missing reference) is less than anything, and two
 *       {@code null}s are equal.</li>
 *   <li>{@link AttributeExpression.Type#STRING}: ASCII case-insensitive, byte by byte.</li>
 *   <li>{@link AttributeExpression.Type#INTEGER}: the leading 64-bit integers
 *       ({@link PcmkNumbers#parseLongPrefix}, so {@code 3.9} is 3); if either side does not parse,
 *       the values compare as strings.</li>
 *   <li>{@link AttributeExpression.Type#NUMBER}: the leading doubles
 *       ({@link PcmkNumbers#parseDoublePrefix}); NaN equals everything; string fallback as above.</li>
 *   <li>{@link AttributeExpression.Type#VERSION}: dot-separated digit segments after leading white
 *       space, anything after them ignored, missing segments read as 0.</li>
 * </ul>
 */
public final class TypedComparison {
    private static final Pattern VERSION = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)*)");

    private TypedComparison() {}

    /** Negative, zero or positive as {@code a} is less than, equal to or greater than {@code b}. */
    public static int compare(String a, String b, AttributeExpression.Type type) {
        if (b == null) return a == null ? 0 : 1;
        if (a == null) return -1;
        return switch (type) {
            case STRING -> compareIgnoreCase(a, b);
            case INTEGER -> {
                OptionalLong x = PcmkNumbers.parseLongPrefix(a);
                OptionalLong y = PcmkNumbers.parseLongPrefix(b);
                yield x.isPresent() && y.isPresent() ? Long.compare(x.getAsLong(), y.getAsLong())
                        : compareIgnoreCase(a, b);
            }
            case NUMBER -> {
                OptionalDouble x = PcmkNumbers.parseDoublePrefix(a);
                OptionalDouble y = PcmkNumbers.parseDoublePrefix(b);
                if (x.isEmpty() || y.isEmpty()) yield compareIgnoreCase(a, b);
                double p = x.getAsDouble();
                double q = y.getAsDouble();
                yield p < q ? -1 : (p > q ? 1 : 0);
            }
            case VERSION -> compareVersions(a, b);
        };
    }

    /** C's {@code strcasecmp}: bytes compared after lower-casing ASCII letters. */
    public static int compareIgnoreCase(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = lower(x[i] & 0xff) - lower(y[i] & 0xff);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    private static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

    /** Pacemaker's version comparison (see the class comment). */
    public static int compareVersions(String a, String b) {
        if (a.equals(b)) return 0;
        List<Long> x = segments(a);
        List<Long> y = segments(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            long p = i < x.size() ? x.get(i) : 0;
            long q = i < y.size() ? y.get(i) : 0;
            if (p != q) return p < q ? -1 : 1;
        }
        return 0;
    }

    private static List<Long> segments(String v) {
        List<Long> out = new ArrayList<>();
        Matcher m = VERSION.matcher(v);
        if (!m.find()) return out;
        for (String s : m.group(1).split("\\.")) {
            OptionalLong n = PcmkNumbers.parseLongPrefix(s);
            out.add(n.isPresent() ? n.getAsLong() : Long.MAX_VALUE); // too long: clipped, as strtoll does
        }
        return out;
    }
}
