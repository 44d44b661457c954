package pacer.cli.pcs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlWriter;
import pacer.scheduler.ClusterStatus;

/**
 * {@code pcs status xml} / {@code --output-as xml}: crm_mon's XML ({@code pacemaker-result},
 * api-version 2.x) for the parts Pacer knows: summary, nodes, resources, node attributes, failures.
 */
final class StatusXml {
    private StatusXml() {}

    static String render(Cib cib, ClusterStatus st, Instant now) {
        List<XmlElement> nodes = new ArrayList<>();
        for (ClusterStatus.NodeStatus n : st.nodes()) {
            nodes.add(XmlElement.of("node", attrs("name", n.name(), "id", n.id(), "online", b(n.online()),
                    "standby", b(n.standby()), "standby_onfail", "false", "maintenance", b(n.maintenance()),
                    "pending", b(n.pending()), "unclean", b(n.unclean()), "health", "green", "shutdown", b(n.shutdown()),
                    "expected_up", b(n.expectedUp()), "is_dc", b(n.dc()),
                    "resources_running", Integer.toString(n.resourcesRunning()), "type", "member"), List.of()));
        }
        List<XmlElement> resources = new ArrayList<>();
        for (ClusterStatus.ResourceStatus r : st.resources()) {
            List<XmlElement> on = r.nodes().stream().map(name -> XmlElement.of("node",
                    attrs("name", name, "id", idOf(st, name), "cached", "true"), List.of())).toList();
            Map<String, String> a = attrs("id", r.id(), "resource_agent", r.agent(), "role", r.role(),
                    "active", b(r.active()), "orphaned", b(r.orphaned()), "blocked", b(r.blocked()),
                    "managed", b(r.managed()), "failed", b(r.failed()), "failure_ignored", "false",
                    "nodes_running_on", Integer.toString(r.nodes().size()));
            if (!r.targetRole().isEmpty()) a.put("target_role", r.targetRole());
            resources.add(XmlElement.of("resource", a, on));
        }
        String dc = st.nodes().stream().filter(ClusterStatus.NodeStatus::dc).findFirst()
                .map(ClusterStatus.NodeStatus::name).orElse("");
        XmlElement summary = XmlElement.of("summary", Map.of(), List.of(
                XmlElement.of("stack", attrs("type", "pacer"), List.of()),
                XmlElement.of("current_dc", dc.isEmpty() ? attrs("present", "false")
                        : attrs("present", "true", "name", dc, "id", idOf(st, dc), "with_quorum", b(cib.hasQuorum())), List.of()),
                XmlElement.of("last_update", attrs("time", now.toString()), List.of()),
                XmlElement.of("nodes_configured", attrs("number", Integer.toString(st.nodes().size())), List.of()),
                XmlElement.of("resources_configured", attrs("number", Long.toString(st.resources().stream()
                        .filter(r -> !r.orphaned()).count()), "disabled", Long.toString(st.resources().stream()
                        .filter(r -> r.targetRole().equals("Stopped")).count()), "blocked",
                        Long.toString(st.resources().stream().filter(ClusterStatus.ResourceStatus::blocked).count())), List.of())));
        XmlElement root = XmlElement.of("pacemaker-result", attrs("api-version", "2.25", "request", "pcs status xml"),
                sections(summary, XmlElement.of("nodes", Map.of(), nodes), XmlElement.of("resources", Map.of(), resources),
                        nodeAttributes(cib), failures(cib)));
        return "<?xml version=\"1.0\"?>\n" + XmlWriter.write(root).stripTrailing();
    }

    private static List<XmlElement> sections(XmlElement... parts) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement e : parts) if (e != null) out.add(e);
        out.add(XmlElement.of("status", attrs("code", "0", "message", "OK"), List.of()));
        return out;
    }

    /** crm_mon's {@code <node_attributes>}: per online node, its attributes (none: the element is left out). */
    private static XmlElement nodeAttributes(Cib cib) {
        List<XmlElement> nodes = new ArrayList<>();
        for (pacer.cib.NodeState s : cib.status().nodes()) {
            if (!s.inMembership()) continue;
            List<XmlElement> a = StatusDetails.attributes(cib, s).entrySet().stream().map(e -> XmlElement.of("attribute",
                    attrs("name", e.getKey(), "value", e.getValue()), List.of())).toList();
            nodes.add(XmlElement.of("node", attrs("name", s.uname()), a));
        }
        return nodes.isEmpty() ? null : XmlElement.of("node_attributes", Map.of(), nodes);
    }

    /** crm_mon's {@code <failures>}: one {@code <failure>} per failed action (none: the element is left out). */
    private static XmlElement failures(Cib cib) {
        List<FailedAction> failed = FailedAction.in(cib);
        if (failed.isEmpty()) return null;
        return XmlElement.of("failures", Map.of(), failed.stream().map(f -> XmlElement.of("failure", attrs(
                "op_key", f.opKey(), "node", f.node(), "exitstatus", f.rcText(), "exitreason", f.exitReason(),
                "exitcode", Integer.toString(f.rc()), "call", Integer.toString(f.callId()), "status", f.statusText(),
                "last-rc-change", f.xmlDate(), "queued", Long.toString(f.queueMs()), "exec", Long.toString(f.execMs()),
                "interval", Long.toString(f.intervalMs()), "task", f.task()), List.of())).toList());
    }

    private static String idOf(ClusterStatus st, String name) {
        return st.nodes().stream().filter(n -> n.name().equals(name)).map(ClusterStatus.NodeStatus::id).findFirst().orElse("");
    }

    private static String b(boolean v) { return Boolean.toString(v); }

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
