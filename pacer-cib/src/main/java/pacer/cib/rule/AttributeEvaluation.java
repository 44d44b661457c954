package pacer.cib.rule;

import java.util.List;

/** Evaluation of node attribute expressions (see {@link AttributeExpression}). */
final class AttributeEvaluation {
    private AttributeEvaluation() {}

    static boolean passes(AttributeExpression e, RuleContext ctx) {
        String name = expand(e.attribute(), ctx.submatches());
        String actual = ctx.nodeAttributes().get(name);
        switch (e.operation()) {
            case DEFINED -> { return actual != null; }
            case NOT_DEFINED -> { return actual == null; }
            default -> { }
        }
        String value = e.value().orElse(null);
        String reference = switch (e.source()) {
            case LITERAL -> value;
            case PARAM -> value == null ? null : ctx.resourceParams().get(value);
            case META -> value == null ? null : ctx.resourceMeta().get(value);
        };
        int cmp = TypedComparison.compare(actual, reference, e.effectiveType(actual, reference));
        switch (e.operation()) {
            case EQ -> { return cmp == 0; }
            case NE -> { return cmp != 0; }
            default -> { }
        }
        if (actual == null || reference == null) return false;
        return switch (e.operation()) {
            case LT -> cmp < 0;
            case LTE -> cmp <= 0;
            case GT -> cmp > 0;
            case GTE -> cmp >= 0;
            default -> false;
        };
    }

    /**
     * Replaces {@code %0}..{@code %9} with the matching submatch; a reference to a missing or
     * empty submatch is dropped. Without submatches the name is used as written.
     */
    static String expand(String attribute, List<String> submatches) {
        if (submatches.isEmpty() || submatches.get(0).isEmpty() || attribute.indexOf('%') < 0) return attribute;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < attribute.length(); i++) {
            char c = attribute.charAt(i);
            if (c == '%' && i + 1 < attribute.length() && PcmkNumbers.isDigit(attribute.charAt(i + 1))) {
                int n = attribute.charAt(++i) - '0';
                if (n < submatches.size() && submatches.get(n) != null) b.append(submatches.get(n));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
