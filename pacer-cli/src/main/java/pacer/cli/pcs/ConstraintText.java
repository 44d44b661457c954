package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs constraint [config] [--full]} in pcs 0.11.5's text (Debian 12's pcs, checked with
 * scripts/pcs-compare): every asked-for section's title even when it is empty ("Location
 * Constraints:", "Ordering Constraints:", "Colocation Constraints:", "Ticket Constraints:");
 * location constraints grouped by resource into "Enabled on:" / "Disabled on:" nodes and rule
 * constraints; the others one line each with their options in parentheses; set constraints under
 * "Resource Sets:"; {@code --full} adds the ids that {@code pcs constraint delete} takes.
 */
final class ConstraintText {
    /** The four kinds, with the element name each is written as. */
    enum Kind {
        LOCATION("rsc_location", "Location"), ORDER("rsc_order", "Ordering"), COLOCATION("rsc_colocation", "Colocation"),
        TICKET("rsc_ticket", "Ticket");

        final String tag;
        final String title;

        Kind(String tag, String title) {
            this.tag = tag;
            this.title = title;
        }
    }

    private ConstraintText() {}

    static List<String> all(XmlElement constraints, List<Kind> kinds, boolean full) {
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (!kinds.contains(k)) continue;
            List<XmlElement> of = constraints.children(k.tag).toList();
            List<XmlElement> plain = of.stream().filter(c -> c.child("resource_set").isEmpty()).toList();
            List<XmlElement> sets = of.stream().filter(c -> c.child("resource_set").isPresent()).toList();
            out.add(k.title + " Constraints:");
            if (k == Kind.LOCATION) {
                out.addAll(Text.indent(locations(plain, full)));
            } else {
                plain.forEach(c -> out.add("  " + plain(k, c, full)));
            }
            if (!sets.isEmpty()) {
                out.add("  Resource Sets:");
                sets.forEach(c -> out.add("    " + set(c, full)));
            }
        }
        return out;
    }

    /** Location constraints by resource: nodes it is enabled on, disabled on, then its rule constraints. */
    private static List<String> locations(List<XmlElement> list, boolean full) {
        Map<String, List<XmlElement>> byResource = new TreeMap<>();
        for (XmlElement c : list) {
            String key = c.has("rsc") ? c.attr("rsc") : c.attr("rsc-pattern", "");
            byResource.computeIfAbsent(key, x -> new ArrayList<>()).add(c);
        }
        List<String> out = new ArrayList<>();
        byResource.forEach((rsc, cs) -> {
            List<String> enabled = new ArrayList<>();
            List<String> disabled = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            for (XmlElement c : cs) {
                if (c.child("rule").isPresent()) {
                    rules.add("Constraint: " + c.id());
                    List<String> body = new ArrayList<>();
                    c.attribute("resource-discovery").ifPresent(v -> body.add(Text.pair("resource-discovery", v)));
                    c.children("rule").forEach(r -> body.addAll(rule(r, full)));
                    rules.addAll(Text.indent(body));
                    continue;
                }
                String score = Optional.ofNullable(c.attr("score")).orElse("INFINITY");
                StringBuilder line = new StringBuilder("Node: ").append(c.attr("node", "")).append(" (score:").append(score).append(')');
                c.attribute("role").ifPresent(r -> line.append(" (role:").append(r).append(')'));
                c.attribute("resource-discovery").ifPresent(r -> line.append(" (resource-discovery=").append(r).append(')'));
                if (full) line.append(" (id:").append(c.id()).append(')');
                (score.startsWith("-") ? disabled : enabled).add(line.toString());
            }
            out.add((cs.get(0).has("rsc") ? "Resource: " : "Resource pattern: ") + rsc);
            List<String> body = new ArrayList<>();
            if (!enabled.isEmpty()) {
                body.add("Enabled on:");
                body.addAll(Text.indent(enabled));
            }
            if (!disabled.isEmpty()) {
                body.add("Disabled on:");
                body.addAll(Text.indent(disabled));
            }
            body.addAll(rules);
            out.addAll(Text.indent(body));
        });
        return out;
    }

    /** "Rule: k=v ... (id:ID)" and its expressions, nested rules indented. */
    private static List<String> rule(XmlElement rule, boolean full) {
        TreeMap<String, String> options = new TreeMap<>(rule.attributes());
        options.remove("id");
        StringBuilder head = new StringBuilder("Rule:");
        options.forEach((k, v) -> head.append(' ').append(Text.pair(k, v)));
        if (full) head.append(" (id:").append(rule.id()).append(')');
        List<String> body = new ArrayList<>();
        for (XmlElement e : rule.children()) {
            if (e.name().equals("rule")) {
                body.addAll(rule(e, full));
                continue;
            }
            String text = e.name().equals("date_expression")
                    ? "date " + e.attr("operation", "") + (e.has("start") ? " " + e.attr("start") : "")
                            + (e.has("end") ? " " + e.attr("end") : "")
                    : List.of("defined", "not_defined").contains(e.attr("operation", ""))
                            ? e.attr("operation") + " " + e.attr("attribute", "")
                            : String.join(" ", nonNull(e.attr("attribute"), e.attr("operation"), e.attr("type"), e.attr("value")));
            body.add("Expression: " + text + (full ? " (id:" + e.id() + ")" : ""));
        }
        List<String> out = new ArrayList<>();
        out.add(head.toString());
        out.addAll(Text.indent(body));
        return out;
    }

    private static String plain(Kind k, XmlElement c, boolean full) {
        StringBuilder line = new StringBuilder();
        List<String> options = new ArrayList<>();
        switch (k) {
            case ORDER -> {
                line.append(c.attr("first-action", "start")).append(' ').append(c.attr("first")).append(" then ")
                        .append(c.attr("then-action", "start")).append(' ').append(c.attr("then"));
                // pcs 0.11.5 shows the default kind when neither kind nor score is set.
                if (c.has("kind") || !c.has("score")) line.append(" (kind:").append(c.attr("kind", "Mandatory")).append(')');
                c.attribute("score").ifPresent(v -> line.append(" (score:").append(v).append(')'));
                if ("false".equals(c.attr("symmetrical"))) line.append(" (non-symmetrical)");
                new TreeMap<>(c.attributes()).forEach((n, v) -> {
                    if (!List.of("id", "first", "then", "first-action", "then-action", "kind", "score", "symmetrical").contains(n)) {
                        options.add(Text.pair(n, v));
                    }
                });
                if (!options.isEmpty()) line.append(" (Options: ").append(String.join(" ", options)).append(')');
            }
            case COLOCATION -> {
                line.append(c.attr("rsc")).append(" with ").append(c.attr("with-rsc"));
                c.attribute("score").ifPresent(v -> line.append(" (score:").append(v).append(')'));
                new TreeMap<>(c.attributes()).forEach((n, v) -> {
                    if (!List.of("id", "rsc", "with-rsc", "score").contains(n)) line.append(" (").append(n).append(':').append(v).append(')');
                });
            }
            default -> {
                c.attribute("rsc-role").ifPresent(r -> line.append(r).append(' '));
                line.append(c.attr("rsc"));
                new TreeMap<>(c.attributes()).forEach((n, v) -> {
                    if (!List.of("id", "rsc", "rsc-role").contains(n)) line.append(' ').append(Text.pair(n, v));
                });
            }
        }
        if (full) line.append(" (id:").append(c.id()).append(')');
        return line.toString();
    }

    /** "set A B opt=v (id:..) set C ... setoptions opt=v (id:..)" on one line. */
    private static String set(XmlElement c, boolean full) {
        List<String> parts = new ArrayList<>();
        for (XmlElement s : c.children("resource_set").toList()) {
            StringBuilder b = new StringBuilder("set");
            s.children("resource_ref").forEach(r -> b.append(' ').append(r.id()));
            new TreeMap<>(s.attributes()).forEach((n, v) -> {
                if (!n.equals("id")) b.append(' ').append(Text.pair(n, v));
            });
            if (full) b.append(" (id:").append(s.id()).append(')');
            parts.add(b.toString());
        }
        StringBuilder opts = new StringBuilder("setoptions");
        new TreeMap<>(c.attributes()).forEach((n, v) -> {
            if (!n.equals("id")) opts.append(' ').append(Text.pair(n, v));
        });
        if (full) opts.append(" (id:").append(c.id()).append(')');
        parts.add(opts.toString());
        return String.join(" ", parts);
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) if (p != null) out.add(p);
        return out;
    }
}
