package pacer.cib.rule;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pacer.cib.Role;

/**
 * {@code rule}: conditions combined with {@code and} (all must pass) or {@code or} (any must
 * pass). A rule without conditions passes (Pacemaker warns and ignores it). A rule nested in
 * another is itself a condition.
 *
 * <p>{@code score}, {@code score-attribute} and {@code role} matter only on the top-level rule of a
 * location constraint; they are kept as written (scores are interpreted by the constraint code).
 *
 * @param score the {@code score} attribute as written, e.g. {@code -INFINITY}
 * @param scoreAttribute the node attribute holding the score ({@code %1}.. allowed)
 * @param role the {@code role} attribute
 * @param conditions in document order
 */
public record Rule(String id, BooleanOp booleanOp, Optional<String> score, Optional<String> scoreAttribute,
                   Optional<Role> role, List<Expression> conditions, int line) implements Expression {
    public Rule {
        id = id == null ? "" : id;
        conditions = List.copyOf(conditions);
    }

    /** The {@code boolean-op} attribute. */
    public enum BooleanOp {
        AND, OR;

        /** Case-insensitive; {@code null} is {@link #AND}. */
        public static Optional<BooleanOp> parse(String text) {
            if (text == null) return Optional.of(AND);
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "and" -> Optional.of(AND);
                case "or" -> Optional.of(OR);
                default -> Optional.empty();
            };
        }
    }

    /** Whether the rule passes in {@code context}. */
    public boolean passes(RuleContext context) {
        return RuleEvaluator.evaluate(this, context).passed();
    }
}
