package pacer.cib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.report.Reports;
import pacer.cib.xml.XmlElement;

/** Reads the {@code status} section: node states, transient attributes and operation history. */
final class StatusParser {
    private final Reports reports;

    StatusParser(Reports reports) { this.reports = reports; }

    NodeState nodeState(XmlElement n) {
        Map<String, String> transients = new LinkedHashMap<>();
        n.children("transient_attributes").flatMap(t -> t.children("instance_attributes"))
                .flatMap(s -> s.children("nvpair"))
                .forEach(p -> transients.put(p.attr("name", ""), p.attr("value", "")));
        List<LrmResource> resources = n.children("lrm").flatMap(l -> l.children("lrm_resources"))
                .flatMap(l -> l.children("lrm_resource")).map(this::lrmResource).toList();
        String id = n.attr("id", "");
        return new NodeState(id, n.attr("uname", id), n.attributes(), transients, resources, n.line());
    }

    private LrmResource lrmResource(XmlElement r) {
        List<LrmOperation> ops = r.children("lrm_rsc_op").map(this::operation).toList();
        return new LrmResource(r.attr("id", ""), r.attr("class", ""), Optional.ofNullable(r.attr("provider")),
                r.attr("type", ""), Optional.ofNullable(r.attr("container")), ops, r.line());
    }

    private LrmOperation operation(XmlElement o) {
        return new LrmOperation(o.attr("id", ""), o.attr("operation", ""), longValue(o, "interval", 0),
                (int) longValue(o, "call-id", -1), (int) longValue(o, "rc-code", 0),
                (int) longValue(o, "op-status", 0), Optional.ofNullable(o.attr("op-digest")),
                Optional.ofNullable(o.attr("op-restart-digest")), Optional.ofNullable(o.attr("op-secure-digest")),
                longValue(o, "last-rc-change", 0), o.attributes(), o.line());
    }

    private long longValue(XmlElement e, String attr, long fallback) {
        String v = e.attr(attr);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException ex) {
            reports.error("invalid-value", e.id(), e.line(), attr + "=\"" + v + "\" is not a whole number");
            return fallback;
        }
    }
}
