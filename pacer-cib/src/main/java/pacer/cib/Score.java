package pacer.cib;

/**
 * Pacemaker's scores: integers clamped to ±{@value #INFINITY}, where INFINITY is absorbing.
 *
 * <p>Addition follows Pacemaker: {@code -INFINITY} wins over everything, then {@code +INFINITY};
 * otherwise the sum is clamped into the open range. These are plain {@code int}s so that
 * placement can do arithmetic without boxing; this class holds the rules.
 */
public final class Score {
    public static final int INFINITY = 1_000_000;

    private Score() {}

    /** a + b with INFINITY arithmetic. */
    public static int add(int a, int b) {
        if (a <= -INFINITY || b <= -INFINITY) return -INFINITY;
        if (a >= INFINITY || b >= INFINITY) return INFINITY;
        long sum = (long) a + b;
        if (sum >= INFINITY) return INFINITY;
        if (sum <= -INFINITY) return -INFINITY;
        return (int) sum;
    }

    /**
     * Scales a score by a factor (a colocation's score / INFINITY), as Pacemaker does: INFINITY is
     * the number 1,000,000 here, so INFINITY scaled by -500/INFINITY is -500 (a dependent's
     * stickiness weighs against a weak anti-colocation). The result is clamped.
     */
    public static int multiply(int score, double factor) {
        double v = score * factor;
        if (v >= INFINITY) return INFINITY;
        if (v <= -INFINITY) return -INFINITY;
        return (int) v;
    }

    /**
     * Parses a score as Pacemaker writes it: {@code INFINITY}, {@code +INFINITY},
     * {@code -INFINITY}, or an integer (clamped). Returns {@code fallback} for anything else.
     */
    public static int parse(String text, int fallback) {
        if (text == null) return fallback;
        String t = text.trim();
        if (t.isEmpty()) return fallback;
        switch (t.toUpperCase(java.util.Locale.ROOT)) {
            case "INFINITY", "+INFINITY" -> { return INFINITY; }
            case "-INFINITY" -> { return -INFINITY; }
            default -> { }
        }
        try {
            long v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            return (int) Math.max(-INFINITY, Math.min(INFINITY, v));
        } catch (NumberFormatException e) {
            // Pacemaker also accepts decimal scores such as "1.0"; they are rounded.
            try {
                double d = Double.parseDouble(t);
                if (Double.isNaN(d)) return fallback;
                return (int) Math.max(-INFINITY, Math.min(INFINITY, Math.round(d)));
            } catch (NumberFormatException e2) {
                return fallback;
            }
        }
    }

    /** Whether {@code text} is a valid score. */
    public static boolean isValid(String text) {
        return parse(text, Integer.MIN_VALUE) != Integer.MIN_VALUE;
    }

    public static String format(int score) {
        if (score >= INFINITY) return "INFINITY";
        if (score <= -INFINITY) return "-INFINITY";
        return Integer.toString(score);
    }
}
