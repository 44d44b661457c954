package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.List;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs resource config} in pcs 0.11's text: resources, groups and clones with their
 * attributes and operations; and {@code pcs resource [op] defaults}.
 */
final class ResourceText {
    private ResourceText() {}

    static List<String> resource(XmlElement r) {
        List<String> body = new ArrayList<>();
        r.attribute("description").ifPresent(d -> body.add("Description: " + d));
        body.addAll(Text.firstNvset("Attributes", r, "instance_attributes"));
        body.addAll(Text.firstNvset("Meta Attributes", r, "meta_attributes"));
        body.addAll(Text.firstNvset("Utilization", r, "utilization"));
        switch (r.name()) {
            case "primitive" -> {
                List<String> ops = operations(r);
                if (!ops.isEmpty()) {
                    body.add("Operations:");
                    body.addAll(Text.indent(ops));
                }
                String agent = "class=" + r.attr("class", "") + (r.has("provider") ? " provider=" + r.attr("provider") : "")
                        + " type=" + r.attr("type", "");
                return with("Resource: " + r.id() + " (" + agent + ")", body);
            }
            case "group" -> {
                r.children("primitive").forEach(p -> body.addAll(resource(p)));
                return with("Group: " + r.id(), body);
            }
            case "clone", "master" -> {
                r.children().stream().filter(c -> c.name().equals("primitive") || c.name().equals("group"))
                        .forEach(c -> body.addAll(resource(c)));
                return with("Clone: " + r.id(), body);
            }
            default -> {
                r.children("primitive").forEach(p -> body.addAll(resource(p)));
                return with("Bundle: " + r.id(), body);
            }
        }
    }

    private static List<String> with(String head, List<String> body) {
        List<String> out = new ArrayList<>();
        out.add(head);
        out.addAll(Text.indent(body));
        return out;
    }

    /** Each operation as "NAME: ID" and then its settings one a line, as pcs 0.11.5 prints them. */
    private static List<String> operations(XmlElement primitive) {
        List<String> out = new ArrayList<>();
        primitive.child("operations").ifPresent(ops -> ops.children("op").forEach(op -> {
            out.add(op.attr("name", "") + ":" + (op.id() == null ? "" : " " + op.id()));
            List<String> pairs = new ArrayList<>();
            pairs.add(Text.pair("interval", op.attr("interval", "0s")));
            if (op.has("start-delay")) pairs.add(Text.pair("start-delay", op.attr("start-delay")));
            else if (op.has("interval-origin")) pairs.add(Text.pair("interval-origin", op.attr("interval-origin")));
            for (String a : List.of("timeout", "enabled", "record-pending", "role", "on-fail")) {
                if (op.has(a)) pairs.add(Text.pair(a, op.attr(a)));
            }
            op.descendants().filter(e -> e.name().equals("nvpair") && "OCF_CHECK_LEVEL".equals(e.attr("name")))
                    .findFirst().ifPresent(e -> pairs.add(Text.pair("OCF_CHECK_LEVEL", e.attr("value", ""))));
            pairs.forEach(pair -> out.add("  " + pair));
        }));
        return out;
    }

    /** {@code pcs resource defaults} / {@code pcs resource op defaults}: each meta block, or "No defaults set". */
    static List<String> defaults(XmlElement section) {
        List<XmlElement> sets = section.children("meta_attributes").toList();
        if (sets.isEmpty()) return List.of("No defaults set");
        List<String> out = new ArrayList<>();
        for (XmlElement set : sets) {
            List<String> lines = new ArrayList<>(Text.nvset("Meta Attrs", set));
            // pcs 0.11.5: "Meta Attrs: ID score=S" for a set with a score
            if (set.has("score")) lines.set(0, lines.get(0) + " score=" + set.attr("score"));
            out.addAll(lines);
        }
        return out;
    }
}
