package pacer.cib.rule;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code date_spec}: a set of ranges, one per calendar field, that the current date and time
 * must all fall in. Fields are read from {@code now} in its own UTC offset (Pacemaker's local
 * time). A spec without ranges matches always.
 *
 * <p>The deprecated {@code moon} field is not evaluated: Pacemaker 3 ignores it.
 */
public record DateSpec(String id, Map<Field, Range> ranges, int line) {
    public DateSpec {
        id = id == null ? "" : id;
        ranges = Collections.unmodifiableMap(ranges.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(ranges));
    }

    /** The fields a {@code date_spec} can constrain, by XML attribute name. */
    public enum Field {
        YEARS("years", ChronoField.YEAR), MONTHS("months", ChronoField.MONTH_OF_YEAR),
        MONTHDAYS("monthdays", ChronoField.DAY_OF_MONTH), HOURS("hours", ChronoField.HOUR_OF_DAY),
        MINUTES("minutes", ChronoField.MINUTE_OF_HOUR), SECONDS("seconds", ChronoField.SECOND_OF_MINUTE),
        YEARDAYS("yeardays", ChronoField.DAY_OF_YEAR), WEEKYEARS("weekyears", IsoFields.WEEK_BASED_YEAR),
        WEEKS("weeks", IsoFields.WEEK_OF_WEEK_BASED_YEAR), WEEKDAYS("weekdays", ChronoField.DAY_OF_WEEK);

        private final String xml;
        private final java.time.temporal.TemporalField temporal;

        Field(String xml, java.time.temporal.TemporalField temporal) {
            this.xml = xml;
            this.temporal = temporal;
        }

        public String xmlName() { return xml; }

        /** This field of {@code now} (ISO week-based year, week and weekday 1 = Monday). */
        public long of(OffsetDateTime now) { return now.getLong(temporal); }
    }

    /**
     * An inclusive range as Pacemaker writes it: {@code 9-16}, {@code 5} (just 5), {@code 9-}
     * (9 or more), {@code -16} (16 or less). A bound of -1 means "no bound", which is how
     * Pacemaker stores an omitted one (so {@code 1--1} has no upper bound).
     */
    public record Range(long low, long high) {
        public static final long OPEN = -1;

        /** Parses a range; empty when Pacemaker would reject it. */
        public static Optional<Range> parse(String text) {
            if (text == null || text.isEmpty()) return Optional.empty();
            int dash = text.indexOf('-');
            String lowText = dash < 0 ? text : text.substring(0, dash);
            String highText = dash < 0 ? null : text.substring(dash + 1);
            if (lowText.isEmpty() && (highText == null || highText.isEmpty())) return Optional.empty();
            long low = OPEN;
            if (!lowText.isEmpty()) {
                Optional<Long> v = whole(lowText);
                if (v.isEmpty()) return Optional.empty();
                low = v.get();
            }
            if (highText == null) return Optional.of(new Range(low, low));
            long high = OPEN;
            if (!highText.isEmpty()) {
                Optional<Long> v = whole(highText);
                if (v.isEmpty()) return Optional.empty();
                high = v.get();
            }
            return Optional.of(new Range(low, high));
        }

        /** An integer with nothing after it (leading white space and a sign allowed). */
        private static Optional<Long> whole(String t) {
            int i = PcmkNumbers.skipSpace(t, 0);
            if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
            int digits = i;
            while (i < t.length() && PcmkNumbers.isDigit(t.charAt(i))) i++;
            if (i == digits || i != t.length()) return Optional.empty();
            var v = PcmkNumbers.parseLongPrefix(t);
            return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
        }

        public boolean contains(long value) {
            return (low == OPEN || value >= low) && (high == OPEN || value <= high);
        }
    }

    /** Whether every range contains the matching field of {@code now}. */
    public boolean matches(OffsetDateTime now) {
        for (Map.Entry<Field, Range> e : ranges.entrySet()) {
            if (!e.getValue().contains(e.getKey().of(now))) return false;
        }
        return true;
    }
}
