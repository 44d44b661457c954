package pacer.cib.rule;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import pacer.cib.report.Reports;
import pacer.cib.xml.XmlElement;

/** Parses {@code date_spec} and {@code duration} elements of a date expression. */
final class DateSpecParser {
    private static final String[] DURATION_PARTS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds"};
    private final Reports reports;

    DateSpecParser(Reports reports) { this.reports = reports; }

    /** The spec, or empty (reported) when Pacemaker would treat the expression as not passing. */
    Optional<DateSpec> dateSpec(XmlElement e, String expressionId) {
        if (e.id() == null || e.id().isEmpty()) {
            reports.error("date-spec-missing-id", expressionId, e.line(), "date_spec has no id, so date expression "
                    + expressionId + " never passes; add a unique id attribute");
            return Optional.empty();
        }
        Map<DateSpec.Field, DateSpec.Range> ranges = new EnumMap<>(DateSpec.Field.class);
        for (DateSpec.Field f : DateSpec.Field.values()) {
            String text = e.attr(f.xmlName());
            if (text == null) continue;
            Optional<DateSpec.Range> r = DateSpec.Range.parse(text);
            if (r.isEmpty()) {
                reports.error("date-spec-invalid-range", e.id(), e.line(), f.xmlName() + " '" + text + "' is not a "
                        + "range, so date expression " + expressionId + " never passes; write a number (5), a "
                        + "range (9-16) or an open range (9- or -16)");
                return Optional.empty();
            }
            ranges.put(f, r.get());
        }
        if (e.has("moon")) {
            reports.warning("date-spec-moon-ignored", e.id(), e.line(), "moon is deprecated and ignored (as in "
                    + "Pacemaker 3); remove it");
        }
        return Optional.of(new DateSpec(e.id(), ranges, e.line()));
    }

    /** The duration, or empty (reported) when Pacemaker would treat the expression as not passing. */
    Optional<DurationSpec> duration(XmlElement e, String expressionId) {
        if (e.id() == null || e.id().isEmpty()) {
            reports.error("duration-missing-id", expressionId, e.line(), "duration has no id, so date expression "
                    + expressionId + " never passes; add a unique id attribute");
            return Optional.empty();
        }
        int[] v = new int[DURATION_PARTS.length];
        for (int i = 0; i < v.length; i++) {
            String text = e.attr(DURATION_PARTS[i]);
            if (text == null) continue;
            OptionalLong n = PcmkNumbers.parseLongPrefix(text);
            if (n.isEmpty() || n.getAsLong() != (int) n.getAsLong()) {
                reports.error("duration-invalid", e.id(), e.line(), DURATION_PARTS[i] + " '" + text + "' is not a "
                        + "32-bit integer, so date expression " + expressionId + " never passes; write a whole "
                        + "number such as 1");
                return Optional.empty();
            }
            v[i] = (int) n.getAsLong();
        }
        return Optional.of(new DurationSpec(e.id(), v[0], v[1], v[2], v[3], v[4], v[5], v[6], e.line()));
    }
}
