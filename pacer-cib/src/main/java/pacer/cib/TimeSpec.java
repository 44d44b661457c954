package pacer.cib;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pacemaker's interval and timeout values: a number with an optional unit ({@code 500ms},
 * {@code 10s}, {@code 10}, {@code 2min}, {@code 1h}) or an ISO 8601 duration ({@code PT10S}).
 * A bare number means seconds.
 */
public final class TimeSpec {
    private static final Pattern UNIT = Pattern.compile("\\s*([0-9]+)\\s*([a-zA-Z]*)\\s*");
    private static final Pattern ISO = Pattern.compile(
            "P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?");

    private TimeSpec() {}

    /** Milliseconds, or empty where the text is not a valid interval. */
    public static OptionalLong parseMillis(String text) {
        if (text == null) return OptionalLong.empty();
        String t = text.trim();
        if (t.isEmpty()) return OptionalLong.empty();
        if (t.startsWith("P")) return parseIso(t);
        Matcher m = UNIT.matcher(t);
        if (!m.matches()) return OptionalLong.empty();
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        long factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "s", "sec", "secs", "second", "seconds" -> 1000L;
            case "ms", "msec", "msecs" -> 1L;
            case "us", "usec", "usecs" -> 0L;
            case "m", "min", "mins", "minute", "minutes" -> 60_000L;
            case "h", "hr", "hrs", "hour", "hours" -> 3_600_000L;
            default -> -1L;
        };
        if (factor < 0) return OptionalLong.empty();
        if (factor == 0) return OptionalLong.of(n / 1000);
        return OptionalLong.of(n * factor);
    }

    public static long parseMillis(String text, long fallback) {
        return parseMillis(text).orElse(fallback);
    }

    private static OptionalLong parseIso(String t) {
        Matcher m = ISO.matcher(t);
        if (!m.matches() || t.equals("P") || t.endsWith("T")) return OptionalLong.empty();
        long[] unit = {365L * 86_400_000, 30L * 86_400_000, 7L * 86_400_000, 86_400_000L, 3_600_000L, 60_000L, 1000L};
        long total = 0;
        for (int i = 0; i < unit.length; i++) {
            String g = m.group(i + 1);
            if (g != null) total += Long.parseLong(g) * unit[i];
        }
        return OptionalLong.of(total);
    }
}
