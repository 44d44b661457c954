package pacer.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pacer.cib.xml.XmlElement;

/**
 * The rule language of {@code pcs constraint location RSC rule ...} (pcs(8)): {@code defined|
 * not_defined ATTR}, {@code ATTR lt|gt|lte|gte|eq|ne [string|integer|number|version] VALUE},
 * {@code date gt|lt DATE}, {@code date in_range DATE to DATE}, joined by {@code and}/{@code or}
 * (left to right, one level; parentheses group) into a {@code <rule>}. Ids as pcs 0.11.5 gives
 * them (learned by running it): {@code RULE-expr}, {@code RULE-expr-1}, ...; a group inside another
 * becomes a nested {@code RULE-rule} with score 0. {@code date in_range ... to duration} and
 * {@code date-spec} are not supported yet, and say so.
 */
final class LocationRules {
    private static final List<String> COMPARISONS = List.of("lt", "gt", "lte", "gte", "eq", "ne");
    private static final List<String> TYPES = List.of("string", "integer", "number", "version");

    /** A parse problem: the words and what to write instead. */
    static final class RuleSyntaxException extends Exception {
        RuleSyntaxException(String message) { super(message); }
    }

    /** An expression tree before ids are given. */
    private sealed interface Node permits Leaf, Group {}

    private record Leaf(String tag, Map<String, String> attributes) implements Node {}

    private record Group(String op, List<Node> children) implements Node {}

    private final List<String> words;
    private int at;

    private LocationRules(List<String> words) {
        this.words = words;
    }

    /**
     * The {@code <rule>} for {@code words}, with id {@code ruleId} and the given score attributes
     * (score or score-attribute, role) on it.
     */
    static XmlElement rule(List<String> words, String ruleId, Map<String, String> ruleAttributes, Ids ids)
            throws RuleSyntaxException {
        if (words.isEmpty()) throw new RuleSyntaxException("no rule expression was given; write one such as "
                + "'defined pingd' or '#uname eq node1'");
        LocationRules p = new LocationRules(words);
        Node tree = p.expression();
        if (p.at < words.size()) {
            throw new RuleSyntaxException("unexpected '" + words.get(p.at) + "' in the rule; join expressions with 'and' or 'or'");
        }
        ids.book(ruleId);
        List<String> attrs = new ArrayList<>(List.of("id", ruleId));
        Group top = tree instanceof Group g ? g : new Group(null, List.of(tree));
        if (top.op() != null) attrs.addAll(List.of("boolean-op", top.op()));
        ruleAttributes.forEach((k, v) -> attrs.addAll(List.of(k, v)));
        return build(top, CibTree.element("rule", attrs.toArray(String[]::new)), ruleId, ids);
    }

    private static XmlElement build(Group g, XmlElement rule, String ruleId, Ids ids) {
        List<XmlElement> children = new ArrayList<>();
        for (Node n : g.children()) {
            if (n instanceof Leaf leaf) {
                List<String> attrs = new ArrayList<>(List.of("id", ids.allocate(ruleId + "-expr")));
                leaf.attributes().forEach((k, v) -> attrs.addAll(List.of(k, v)));
                children.add(CibTree.element(leaf.tag(), attrs.toArray(String[]::new)));
            } else {
                Group inner = (Group) n;
                String id = ids.allocate(ruleId + "-rule");
                XmlElement nested = CibTree.element("rule", "id", id, "boolean-op", inner.op(), "score", "0");
                children.add(build(inner, nested, id, ids));
            }
        }
        return rule.withChildren(children);
    }

    /** term ((and|or) term)*, left to right; a change of operator nests what came before. */
    private Node expression() throws RuleSyntaxException {
        Node left = term();
        while (at < words.size() && (words.get(at).equals("and") || words.get(at).equals("or"))) {
            String op = words.get(at++);
            Node right = term();
            if (left instanceof Group g && op.equals(g.op()) && !isParenthesised(g)) {
                List<Node> kids = new ArrayList<>(g.children());
                kids.add(right);
                left = new Group(op, kids);
            } else {
                left = new Group(op, List.of(left, right));
            }
        }
        return left;
    }

    /** Groups that came from parentheses are kept whole (marked by a wrapper list identity). */
    private final List<Group> parenthesised = new ArrayList<>();

    private boolean isParenthesised(Group g) {
        return parenthesised.stream().anyMatch(p -> p == g);
    }

    private Node term() throws RuleSyntaxException {
        String w = next("an expression");
        if (w.equals("(")) {
            Node inner = expression();
            if (!next("')'").equals(")")) throw new RuleSyntaxException("missing ')' in the rule");
            if (inner instanceof Group g) parenthesised.add(g);
            return inner;
        }
        if (w.equals("defined") || w.equals("not_defined")) {
            return new Leaf("expression", ordered("operation", w, "attribute", next("a node attribute after '" + w + "'")));
        }
        if (w.equals("date-spec")) {
            throw new RuleSyntaxException("'date-spec' rules are not supported by Pacer yet; write the constraint's XML "
                    + "and push it with 'pcs cluster cib-push'");
        }
        if (w.equals("date")) {
            String op = next("gt, lt or in_range after 'date'");
            switch (op) {
                case "gt" -> { return new Leaf("date_expression", ordered("operation", "gt", "start", next("a date"))); }
                case "lt" -> { return new Leaf("date_expression", ordered("operation", "lt", "end", next("a date"))); }
                case "in_range" -> {
                    String start = next("a date");
                    if (!next("'to'").equals("to")) throw new RuleSyntaxException("expected 'date in_range DATE to DATE'");
                    String end = next("a date");
                    if (end.equals("duration")) {
                        throw new RuleSyntaxException("'date in_range ... to duration' is not supported by Pacer yet; "
                                + "give the end date instead");
                    }
                    return new Leaf("date_expression", ordered("operation", "in_range", "start", start, "end", end));
                }
                default -> throw new RuleSyntaxException("'date " + op + "' is not a date expression; use 'date gt DATE', "
                        + "'date lt DATE' or 'date in_range DATE to DATE'");
            }
        }
        String op = next("lt, gt, lte, gte, eq or ne after '" + w + "'");
        if (!COMPARISONS.contains(op)) {
            throw new RuleSyntaxException("'" + op + "' is not a comparison; write '" + w + " lt|gt|lte|gte|eq|ne "
                    + "[string|integer|number|version] VALUE'" + Suggest.didYouMean(op, COMPARISONS));
        }
        String value = next("a value after '" + w + " " + op + "'");
        if (TYPES.contains(value) && at < words.size() && !List.of("and", "or", ")").contains(words.get(at))) {
            return new Leaf("expression", ordered("operation", op, "attribute", w, "type", value, "value", next("a value")));
        }
        return new Leaf("expression", ordered("operation", op, "attribute", w, "value", value));
    }

    private String next(String what) throws RuleSyntaxException {
        if (at >= words.size()) throw new RuleSyntaxException("the rule ends where " + what + " was expected");
        return words.get(at++);
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) out.put(kv[i], kv[i + 1]);
        return out;
    }
}
