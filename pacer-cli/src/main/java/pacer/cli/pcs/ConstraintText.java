package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs constraint [config] [--full]} in pcs's current text (0.11.6 and later): location,
 * colocation, order and ticket constraints, plain ones and set ones, each section only when it has
 * entries; {@code --full} adds the ids that {@code pcs constraint delete} takes.
 */
final class ConstraintText {
    /** The four kinds, with the element name each is written as. */
    enum Kind {
        LOCATION("rsc_location", "Location"), COLOCATION("rsc_colocation", "Colocation"), ORDER("rsc_order", "Order"),
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
        for (Kind k : kinds) {
            List<XmlElement> of = constraints.children(k.tag).toList();
            List<XmlElement> plain = of.stream().filter(c -> c.child("resource_set").isEmpty()).toList();
            List<XmlElement> sets = of.stream().filter(c -> c.child("resource_set").isPresent()).toList();
            if (!plain.isEmpty()) {
                out.add(k.title + " Constraints:");
                plain.forEach(c -> out.addAll(Text.indent(plain(k, c, full))));
            }
            if (!sets.isEmpty()) {
                out.add(k.title + " Set Constraints:");
                sets.forEach(c -> out.addAll(Text.indent(set(k, c, full))));
            }
        }
        return out;
    }

    private static List<String> plain(Kind k, XmlElement c, boolean full) {
        List<String> out = new ArrayList<>();
        List<String> attrs = new ArrayList<>();
        String head = switch (k) {
            case LOCATION -> location(c, attrs, full);
            case COLOCATION -> {
                pairs(c, attrs, "score", "influence", "node-attribute");
                yield role(c.attr("rsc-role")) + "resource '" + c.attr("rsc") + "' with " + role(c.attr("with-rsc-role"))
                        + "resource '" + c.attr("with-rsc") + "'";
            }
            case ORDER -> {
                pairs(c, attrs, "symmetrical", "require-all", "score", "kind");
                yield role(c.attr("first-action")) + "resource '" + c.attr("first") + "' then " + role(c.attr("then-action"))
                        + "resource '" + c.attr("then") + "'";
            }
            case TICKET -> {
                pairs(c, attrs, "loss-policy");
                yield role(c.attr("rsc-role")) + "resource '" + c.attr("rsc") + "' depends on ticket '" + c.attr("ticket") + "'";
            }
        };
        out.add(head + (full ? " (id: " + c.id() + ")" : ""));
        if (k == Kind.COLOCATION && !attrs.isEmpty()) out.add("  " + String.join(" ", attrs));
        else attrs.forEach(a -> out.add("  " + a));
        return out;
    }

    private static String location(XmlElement c, List<String> attrs, boolean full) {
        String rsc = c.has("rsc") ? "resource '" + c.attr("rsc") + "'" : "resource pattern '" + c.attr("rsc-pattern") + "'";
        c.attribute("resource-discovery").ifPresent(v -> attrs.add(Text.pair("resource-discovery", v)));
        List<XmlElement> rules = c.children("rule").toList();
        if (!rules.isEmpty()) {
            attrs.add("Rules:");
            rules.forEach(r -> Text.indent(Text.rule(r, full)).forEach(attrs::add));
            return role(c.attr("role")) + rsc;
        }
        String score = Optional.ofNullable(c.attr("score")).orElse("INFINITY");
        boolean negative = score.startsWith("-");
        String abs = negative || score.startsWith("+") ? score.substring(1) : score;
        return role(c.attr("role")) + rsc + (negative ? " avoids" : " prefers") + " node '" + c.attr("node")
                + "' with score " + abs;
    }

    private static List<String> set(Kind k, XmlElement c, boolean full) {
        List<String> out = new ArrayList<>();
        out.add("Set Constraint:" + (full ? " " + c.id() : ""));
        List<String> body = new ArrayList<>();
        for (XmlElement s : c.children("resource_set").toList()) {
            List<String> ids = s.children("resource_ref").map(r -> "'" + r.id() + "'").toList();
            body.add("Resource Set:" + (full ? " " + s.id() : ""));
            body.add("  Resources: " + String.join(", ", ids));
            List<String> opts = new ArrayList<>();
            pairs(s, opts, "action", "require-all", "role", "score", "sequential", "kind");
            if (!opts.isEmpty()) body.add("  " + String.join(" ", opts));
        }
        List<String> attrs = new ArrayList<>();
        pairs(c, attrs, "score", "kind", "symmetrical", "loss-policy", "ticket");
        if (!attrs.isEmpty()) body.add(0, String.join(" ", attrs));
        out.addAll(Text.indent(body));
        return out;
    }

    private static void pairs(XmlElement e, List<String> into, String... names) {
        for (String n : names) e.attribute(n).ifPresent(v -> into.add(Text.pair(n, v)));
    }

    private static String role(String role) {
        return role == null || role.isEmpty() ? "" : role + " ";
    }
}
