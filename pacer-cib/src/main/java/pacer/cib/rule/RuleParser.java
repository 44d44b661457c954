package pacer.cib.rule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Role;
import pacer.cib.report.Reports;
import pacer.cib.xml.XmlElement;

/**
 * Builds {@link Rule}s from {@code rule} elements, reporting every problem with the element's id
 * and line. Parsing never fails: a condition Pacemaker would treat as "not passing" becomes an
 * {@link InvalidExpression}, and a rule that is itself invalid (no id, a bad {@code boolean-op},
 * an {@code id-ref} that leads nowhere) becomes a rule whose only condition is invalid, so it never
 * passes.
 *
 * <p>A {@code rule} with {@code id-ref} stands for the rule with that id elsewhere in the CIB; pass
 * an index of ids ({@link #indexIds}) to resolve them.
 */
public final class RuleParser {
    private final Map<String, XmlElement> ids;
    private final Reports reports;
    private final Deque<String> resolving = new ArrayDeque<>();

    private RuleParser(Map<String, XmlElement> ids, Reports reports) {
        this.ids = ids;
        this.reports = reports;
    }

    /** Parses a rule that has no {@code id-ref}s to resolve (any it has are reported). */
    public static Rule parse(XmlElement ruleElement, Reports reports) {
        return parse(ruleElement, Map.of(), reports);
    }

    /** Parses a rule, resolving {@code id-ref}s through {@code ids} (element id to element). */
    public static Rule parse(XmlElement ruleElement, Map<String, XmlElement> ids, Reports reports) {
        return new RuleParser(ids, reports).rule(ruleElement);
    }

    /** Every element with an {@code id} under (and including) {@code root}; the first one wins. */
    public static Map<String, XmlElement> indexIds(XmlElement root) {
        Map<String, XmlElement> out = new HashMap<>();
        if (root.id() != null) out.put(root.id(), root);
        root.descendants().filter(e -> e.id() != null).forEach(e -> out.putIfAbsent(e.id(), e));
        return out;
    }

    private Rule rule(XmlElement element) {
        String ref = element.attr("id-ref");
        return ref != null ? reference(element, ref) : body(element);
    }

    /** The rule itself (a referenced rule's own {@code id-ref}, if any, is not followed again). */
    private Rule body(XmlElement element) {
        String id = element.id();
        if (id == null || id.isEmpty()) {
            return broken(element, "", "rule-missing-id",
                    "rule has no id, so it never passes; add a unique id attribute");
        }
        Optional<Rule.BooleanOp> op = Rule.BooleanOp.parse(element.attr("boolean-op"));
        if (op.isEmpty()) {
            return broken(element, id, "rule-invalid-boolean-op", "boolean-op '" + element.attr("boolean-op")
                    + "' is neither 'and' nor 'or', so the rule never passes; use and or or");
        }
        Optional<Role> role = Optional.empty();
        String roleText = element.attr("role");
        if (roleText != null) {
            role = Role.parse(roleText);
            if (role.isEmpty()) {
                reports.error("rule-invalid-role", id, element.line(), "role '" + roleText
                        + "' is not a role; use Started, Unpromoted or Promoted (or Stopped)");
            }
        }
        if (element.has("score") && element.has("score-attribute")) {
            reports.error("rule-score-conflict", id, element.line(),
                    "rule sets both score and score-attribute; keep only one of them");
        }
        List<Expression> conditions = new ArrayList<>();
        resolving.push(id);
        try {
            for (XmlElement child : element.children()) conditions.add(condition(child));
        } finally {
            resolving.pop();
        }
        if (conditions.isEmpty()) {
            reports.warning("rule-empty", id, element.line(), "rule has no conditions, so Pacemaker ignores it "
                    + "and it always passes; add a condition or remove the rule");
        }
        return new Rule(id, op.get(), element.attribute("score"), element.attribute("score-attribute"), role,
                conditions, element.line());
    }

    private Rule reference(XmlElement element, String ref) {
        XmlElement target = ids.get(ref);
        if (target == null || !target.name().equals("rule") || target.id() == null) {
            String what = target == null ? "no element in the CIB has that id" : "that is a " + target.name();
            return broken(element, ref, "rule-idref-unresolved", "rule id-ref '" + ref + "' does not name a rule ("
                    + what + "), so the rule never passes; point id-ref at an existing rule's id");
        }
        if (resolving.contains(ref)) {
            return broken(element, ref, "rule-idref-cycle", "rule id-ref '" + ref + "' refers to a rule that "
                    + "contains this reference, so the rule never passes; break the cycle");
        }
        return body(target);
    }

    private Rule broken(XmlElement element, String id, String code, String message) {
        reports.error(code, id.isEmpty() ? "rule" : id, element.line(), message);
        InvalidExpression why = new InvalidExpression(id, "rule", message, element.line());
        return new Rule(id, Rule.BooleanOp.AND, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(why), element.line());
    }

    private Expression condition(XmlElement child) {
        ExpressionParser p = new ExpressionParser(reports);
        return switch (child.name()) {
            case "rule" -> rule(child);
            case "expression" -> p.attribute(child);
            case "date_expression" -> p.date(child);
            case "rsc_expression" -> p.resource(child);
            case "op_expression" -> p.operation(child);
            default -> p.invalid(child, child.id() == null ? child.name() : child.id(), "rule-unknown-condition",
                    "'" + child.name() + "' is not a rule condition, so it never passes; use "
                            + "expression, date_expression, rsc_expression, op_expression or rule");
        };
    }
}
