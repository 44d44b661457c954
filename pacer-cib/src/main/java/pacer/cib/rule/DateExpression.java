package pacer.cib.rule;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code date_expression}: a condition on the current date and time.
 * <ul>
 *   <li>{@link Operation#IN_RANGE} (the default): {@code start <= now <= end}, where a missing
 *       {@code start} is unbounded and a missing {@code end} is {@code start} plus
 *       {@code duration} (or unbounded without one). {@code duration} is ignored when {@code end}
 *       is set.</li>
 *   <li>{@link Operation#GT}: {@code now > start}.</li>
 *   <li>{@link Operation#LT}: {@code now < end}.</li>
 *   <li>{@link Operation#DATE_SPEC}: {@code now} matches {@link #dateSpec()}.</li>
 * </ul>
 * Only the parts the operation uses are kept: a {@code gt} expression has no {@code end} here even
 * if the XML had one.
 */
public record DateExpression(String id, Operation operation, Optional<PcmkDate> start, Optional<PcmkDate> end,
                             Optional<DurationSpec> duration, Optional<DateSpec> dateSpec, int line)
        implements Expression {

    /** The {@code operation} attribute. */
    public enum Operation {
        IN_RANGE("in_range"), GT("gt"), LT("lt"), DATE_SPEC("date_spec");

        private final String xml;

        Operation(String xml) { this.xml = xml; }

        public String xmlName() { return xml; }

        /** Case-insensitive; {@code null} is {@link #IN_RANGE}. */
        public static Optional<Operation> parse(String text) {
            if (text == null) return Optional.of(IN_RANGE);
            for (Operation o : values()) {
                if (o.xml.equals(text.toLowerCase(Locale.ROOT))) return Optional.of(o);
            }
            return Optional.empty();
        }
    }
}
