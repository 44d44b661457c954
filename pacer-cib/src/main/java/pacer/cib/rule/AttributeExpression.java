package pacer.cib.rule;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code expression}: compares a node attribute with a reference value.
 *
 * <p>The reference value is {@code value} itself ({@link Source#LITERAL}), or the resource
 * parameter ({@link Source#PARAM}) or meta-attribute ({@link Source#META}) named by it. Without a
 * {@code type}, {@code lt}/{@code lte}/{@code gt}/{@code gte} compare as {@link Type#NUMBER} when
 * either value contains a {@code .} and as {@link Type#INTEGER} otherwise, and {@code eq}/{@code ne}
 * compare as {@link Type#STRING}; see {@link TypedComparison} for how each type compares.
 *
 * @param attribute the node attribute name; {@code %0}..{@code %9} stand for submatches of a
 *                  location constraint's {@code rsc-pattern}
 * @param value the {@code value} attribute; empty exactly for {@code defined}/{@code not_defined}
 * @param type the explicit {@code type}, or empty for the default described above
 */
public record AttributeExpression(String id, String attribute, Operation operation, Optional<String> value,
                                  Optional<Type> type, Source source, int line) implements Expression {

    /** The {@code operation} attribute. */
    public enum Operation {
        LT("lt"), GT("gt"), LTE("lte"), GTE("gte"), EQ("eq"), NE("ne"),
        DEFINED("defined"), NOT_DEFINED("not_defined");

        private final String xml;

        Operation(String xml) { this.xml = xml; }

        public String xmlName() { return xml; }

        /** Whether the operation orders values (and so defaults to a numeric type). */
        public boolean isOrdering() { return this == LT || this == GT || this == LTE || this == GTE; }

        /** Whether the operation needs a reference value. */
        public boolean needsValue() { return this != DEFINED && this != NOT_DEFINED; }

        /** Case-insensitive, as Pacemaker reads it. */
        public static Optional<Operation> parse(String text) {
            return find(values(), text);
        }
    }

    /** The {@code type} attribute. */
    public enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), VERSION("version");

        private final String xml;

        Type(String xml) { this.xml = xml; }

        public String xmlName() { return xml; }

        public static Optional<Type> parse(String text) { return find(values(), text); }
    }

    /** The {@code value-source} attribute. */
    public enum Source {
        LITERAL("literal"), PARAM("param"), META("meta");

        private final String xml;

        Source(String xml) { this.xml = xml; }

        public String xmlName() { return xml; }

        public static Optional<Source> parse(String text) { return find(values(), text); }
    }

    /** The type to compare {@code actual} and {@code reference} as, explicit or defaulted. */
    public Type effectiveType(String actual, String reference) {
        if (type.isPresent()) return type.get();
        if (!operation.isOrdering()) return Type.STRING;
        boolean decimal = (actual != null && actual.indexOf('.') >= 0)
                || (reference != null && reference.indexOf('.') >= 0);
        return decimal ? Type.NUMBER : Type.INTEGER;
    }

    private static <E extends Enum<E>> Optional<E> find(E[] values, String text) {
        if (text == null) return Optional.empty();
        String t = text.toLowerCase(Locale.ROOT);
        for (E e : values) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (name.equals(t)) return Optional.of(e);
        }
        return Optional.empty();
    }
}
