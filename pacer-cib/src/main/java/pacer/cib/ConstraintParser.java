package pacer.cib;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.report.Reports;
import pacer.cib.xml.XmlElement;

/** Reads the elements of the {@code constraints} section; one instance serves one CIB parse. */
final class ConstraintParser {
    private final Reports reports;
    private final Map<String, XmlElement> ids;

    ConstraintParser(Reports reports, Map<String, XmlElement> ids) {
        this.reports = reports;
        this.ids = ids;
    }

    Optional<Constraint> parse(XmlElement c) {
        if (c.has("id-ref") && ids.containsKey(c.attr("id-ref"))) c = ids.get(c.attr("id-ref"));
        return switch (c.name()) {
            case "rsc_location" -> Optional.of(location(c));
            case "rsc_colocation" -> Optional.of(colocation(c));
            case "rsc_order" -> Optional.of(order(c));
            case "rsc_ticket" -> Optional.of(ticket(c));
            default -> {
                reports.warning("unknown-element", c.name(), c.line(), "unknown constraint <" + c.name() + "> is kept but ignored");
                yield Optional.empty();
            }
        };
    }

    private LocationConstraint location(XmlElement c) {
        Optional<Integer> score = Optional.empty();
        if (c.has("score")) score = Optional.of(score(c, "score"));
        List<XmlElement> rules = c.children("rule")
                .map(r -> r.has("id-ref") && ids.containsKey(r.attr("id-ref")) ? ids.get(r.attr("id-ref")) : r).toList();
        if (c.has("node") && score.isEmpty() && rules.isEmpty()) {
            reports.error("missing-attribute", c.id(), c.line(), "a location constraint with node= needs score=");
        }
        String discovery = c.attr("resource-discovery", "always");
        if (!List.of("always", "never", "exclusive").contains(discovery)) {
            reports.error("invalid-value", c.id(), c.line(), "resource-discovery=\"" + discovery
                    + "\" is not valid; use always, never or exclusive");
            discovery = "always";
        }
        return new LocationConstraint(c.attr("id", ""), opt(c, "rsc"), opt(c, "rsc-pattern"), sets(c),
                opt(c, "node"), score, rules, role(c, "role"), discovery, c.line());
    }

    private ColocationConstraint colocation(XmlElement c) {
        Optional<Boolean> influence = c.has("influence")
                ? Optional.of(BooleanValue.parse(c.attr("influence"), true)) : Optional.empty();
        int score = c.has("score") ? score(c, "score") : 0;
        return new ColocationConstraint(c.attr("id", ""), opt(c, "rsc"), opt(c, "with-rsc"),
                role(c, "rsc-role"), role(c, "with-rsc-role"), score, influence,
                c.attr("node-attribute", "#uname"), sets(c), c.line());
    }

    private OrderConstraint order(XmlElement c) {
        String kind = c.attr("kind");
        if (kind == null) {
            kind = c.has("score") && score(c, "score") == 0 ? "Optional" : "Mandatory";
        }
        if (!List.of("Mandatory", "Optional", "Serialize").contains(kind)) {
            reports.error("invalid-value", c.id(), c.line(), "kind=\"" + kind + "\" is not valid; use Mandatory, Optional or Serialize");
            kind = "Mandatory";
        }
        Optional<Boolean> symmetrical = c.has("symmetrical")
                ? Optional.of(BooleanValue.parse(c.attr("symmetrical"), true)) : Optional.empty();
        Optional<Boolean> requireAll = c.has("require-all")
                ? Optional.of(BooleanValue.parse(c.attr("require-all"), true)) : Optional.empty();
        return new OrderConstraint(c.attr("id", ""), opt(c, "first"), opt(c, "then"),
                c.attr("first-action", "start"), c.attr("then-action", c.attr("first-action", "start")),
                kind, symmetrical, requireAll, sets(c), c.line());
    }

    private TicketConstraint ticket(XmlElement c) {
        if (!c.has("ticket")) reports.error("missing-attribute", c.id(), c.line(), "rsc_ticket needs ticket=");
        return new TicketConstraint(c.attr("id", ""), c.attr("ticket", ""), opt(c, "rsc"), role(c, "rsc-role"),
                c.attr("loss-policy", "stop"), sets(c), c.line());
    }

    private List<ResourceSet> sets(XmlElement c) {
        return c.children("resource_set").map(s -> {
            XmlElement set = s.has("id-ref") && ids.containsKey(s.attr("id-ref")) ? ids.get(s.attr("id-ref")) : s;
            Optional<Integer> score = set.has("score") ? Optional.of(score(set, "score")) : Optional.empty();
            return new ResourceSet(set.attr("id", ""), set.children("resource_ref").map(XmlElement::id).toList(),
                    BooleanValue.parse(set.attr("sequential"), true), BooleanValue.parse(set.attr("require-all"), true),
                    role(set, "role"), opt(set, "action"), score, opt(set, "kind"), set.line());
        }).toList();
    }

    private int score(XmlElement e, String attr) {
        String v = e.attr(attr);
        if (!Score.isValid(v)) {
            reports.error("invalid-score", e.id(), e.line(), attr + "=\"" + v
                    + "\" is not a score; use an integer, INFINITY or -INFINITY");
            return 0;
        }
        return Score.parse(v, 0);
    }

    private Optional<Role> role(XmlElement e, String attr) {
        if (!e.has(attr)) return Optional.empty();
        Optional<Role> r = Role.parse(e.attr(attr));
        if (r.isEmpty()) {
            reports.error("invalid-role", e.id(), e.line(), attr + "=\"" + e.attr(attr)
                    + "\" is not a role; use Started, Stopped, Promoted or Unpromoted");
        }
        return r;
    }

    private static Optional<String> opt(XmlElement e, String attr) { return Optional.ofNullable(e.attr(attr)); }
}
