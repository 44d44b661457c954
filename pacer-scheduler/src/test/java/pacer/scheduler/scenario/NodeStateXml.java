package pacer.scheduler.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code node_state} of a scenario's status section, written the way Pacemaker's controller
 * records it: membership flags, transient attributes (fail counts) and the operation history of
 * each resource ({@code lrm_rsc_op} with call id, rc-code, op-status, transition key and magic).
 */
final class NodeStateXml {
    static final String UUID = "7b1f9a0e-0000-4000-8000-pacer0scenario";

    private final String uname;
    private final String flags;
    private final Map<String, String> transients = new LinkedHashMap<>();
    private final Map<String, String> agents = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> ops = new LinkedHashMap<>();
    private int callId = 10;

    private NodeStateXml(String uname, String flags) {
        this.uname = uname;
        this.flags = flags;
    }

    /** A member whose controller is up and has joined. */
    static NodeStateXml online(String uname) {
        return new NodeStateXml(uname, "in_ccm=\"true\" crmd=\"online\" join=\"member\" expected=\"member\"");
    }

    /** A node that left cleanly: the cluster expected it to go down. */
    static NodeStateXml offlineClean(String uname) {
        return new NodeStateXml(uname, "in_ccm=\"false\" crmd=\"offline\" join=\"down\" expected=\"down\"");
    }

    /** A node that vanished while the cluster expected it up: it is unclean and must be fenced. */
    static NodeStateXml lost(String uname) {
        return new NodeStateXml(uname, "in_ccm=\"false\" crmd=\"offline\" join=\"down\" expected=\"member\"");
    }

    String uname() { return uname; }

    NodeStateXml transientAttribute(String name, String value) {
        transients.put(name, value);
        return this;
    }

    /**
     * A successful start with the given parameters (recorded as its op-digest), then a successful
     * recurring monitor, of {@code rsc} ({@code agent} as class:provider:type) on this node.
     */
    NodeStateXml running(String rsc, String agent, long monitorIntervalMs, Map<String, String> parameters) {
        op(rsc, agent, "start", 0, 0, 0, 0, Map.of("op-digest", Digests.of(parameters)));
        if (monitorIntervalMs > 0) op(rsc, agent, "monitor", monitorIntervalMs, 0, 0, 0, Map.of());
        return this;
    }

    /**
     * One history entry.
     *
     * @param expectedRc what the controller expected (the third field of the transition key)
     * @param extra further attributes (op-digest, last-rc-change, ...)
     */
    NodeStateXml op(String rsc, String agent, String operation, long intervalMs, int rc, int opStatus, int expectedRc,
                    Map<String, String> extra) {
        agents.putIfAbsent(rsc, agent);
        int call = callId++;
        String key = call + ":1:" + expectedRc + ":" + UUID;
        boolean failed = rc != expectedRc || opStatus != 0;
        Map<String, String> entries = ops.computeIfAbsent(rsc, k -> new LinkedHashMap<>());
        // As the controller records it: the recurring op under its own id, the last one-shot op
        // as RSC_last_0, and a failure also as RSC_last_failure_0 (same call id); a newer entry
        // replaces an older one with the same id.
        String id = intervalMs > 0 ? rsc + "_monitor_" + intervalMs : (failed ? null : rsc + "_last_0");
        if (id != null) entries.put(id, entry(id, rsc, operation, intervalMs, rc, opStatus, call, key, extra));
        if (failed) {
            id = rsc + "_last_failure_0";
            entries.put(id, entry(id, rsc, operation, intervalMs, rc, opStatus, call, key, extra));
        }
        return this;
    }

    private static String entry(String id, String rsc, String operation, long intervalMs, int rc, int opStatus,
                                int call, String key, Map<String, String> extra) {
        StringBuilder b = new StringBuilder("          <lrm_rsc_op id=\"").append(id)
                .append("\" operation_key=\"").append(rsc).append('_').append(operation).append('_').append(intervalMs)
                .append("\" operation=\"").append(operation).append("\" crm_feature_set=\"3.19.0\" transition-key=\"")
                .append(key).append("\" transition-magic=\"").append(opStatus).append(':').append(rc).append(';')
                .append(key).append("\" call-id=\"").append(call).append("\" rc-code=\"").append(rc)
                .append("\" op-status=\"").append(opStatus).append("\" interval=\"").append(intervalMs).append('"');
        extra.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        b.append("/>\n");
        return b.toString();
    }

    String xml(String id) {
        StringBuilder b = new StringBuilder("    <node_state id=\"").append(id).append("\" uname=\"").append(uname)
                .append("\" ").append(flags).append(">\n");
        if (!transients.isEmpty()) {
            b.append("      <transient_attributes id=\"").append(id).append("\">\n")
                    .append("        <instance_attributes id=\"status-").append(id).append("\">\n");
            transients.forEach((k, v) -> b.append("          <nvpair id=\"status-").append(id).append('-')
                    .append(k.replace('#', '.')).append("\" name=\"").append(k).append("\" value=\"").append(v)
                    .append("\"/>\n"));
            b.append("        </instance_attributes>\n      </transient_attributes>\n");
        }
        b.append("      <lrm id=\"").append(id).append("\">\n        <lrm_resources>\n");
        agents.forEach((rsc, agent) -> {
            String[] p = agent.split(":");
            b.append("        <lrm_resource id=\"").append(rsc).append("\" class=\"").append(p[0]).append('"');
            if (p.length == 3) b.append(" provider=\"").append(p[1]).append('"');
            b.append(" type=\"").append(p[p.length - 1]).append("\">\n");
            ops.get(rsc).values().forEach(b::append);
            b.append("        </lrm_resource>\n");
        });
        b.append("        </lrm_resources>\n      </lrm>\n    </node_state>\n");
        return b.toString();
    }
}
