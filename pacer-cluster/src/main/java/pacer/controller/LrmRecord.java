package pacer.controller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.LrmOperation;
import pacer.cib.LrmResource;
import pacer.cib.NodeState;
import pacer.cib.xml.XmlElement;
import pacer.executor.OperationReport;
import pacer.store.CibOperation;

/**
 * How a result is written into the CIB status, as Pacemaker's controller writes it, so that the
 * scheduler (and {@code crm_simulate}/{@code pacer simulate -x}) read the same history:
 *
 * <pre>
 * status/node_state[ID]/lrm[ID]/lrm_resources/lrm_resource[RSC class provider type]/
 *     lrm_rsc_op id=RSC_last_0 | RSC_monitor_INTERVAL | RSC_last_failure_0
 * status/node_state[ID]/transient_attributes[ID]/instance_attributes[status-ID]/
 *     nvpair fail-count-RSC#OP_INTERVAL, last-failure-RSC#OP_INTERVAL
 * </pre>
 *
 * Pure functions: a report and the CIB as it is in, the writes out.
 */
final class LrmRecord {
    static final String FEATURE_SET = "3.19.0";
    static final int OCF_OK = 0;
    static final int OCF_NOT_RUNNING = 7;
    static final int OCF_RUNNING_PROMOTED = 8;

    private LrmRecord() {}

    /** Whether the result is what the DC expected (probes: any of running, not running, promoted). */
    static boolean asExpected(OperationReport r) {
        if (r.opStatus() != 0) return false;
        int rc = r.rc() == 190 ? OCF_OK : r.rc() == 191 ? OCF_RUNNING_PROMOTED : r.rc();
        return rc == r.expectedRc();
    }

    /** Whether the result is a failure the scheduler counts (a probe that found it running is not). */
    static boolean isFailure(OperationReport r) {
        if (r.opStatus() == 0 && probe(r) && (r.rc() == OCF_OK || r.rc() == OCF_NOT_RUNNING
                || r.rc() == OCF_RUNNING_PROMOTED)) {
            return false;
        }
        return !asExpected(r);
    }

    static boolean probe(OperationReport r) { return r.operation().equals("monitor") && r.intervalMs() == 0; }

    /** The {@code lrm_rsc_op} element for a report, under the given id. */
    static XmlElement op(OperationReport r, String lrmId, String id) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("operation_key", lrmId + "_" + r.operation() + "_" + r.intervalMs());
        a.put("operation", r.operation());
        a.put("crm-debug-origin", "pacer-controller");
        a.put("crm_feature_set", FEATURE_SET);
        a.put("transition-key", r.transitionKey());
        a.put("transition-magic", r.transitionMagic());
        a.put("exit-reason", r.exitReason());
        a.put("on_node", r.node());
        a.put("call-id", Integer.toString(r.callId()));
        a.put("rc-code", Integer.toString(r.rc()));
        a.put("op-status", Integer.toString(r.opStatus()));
        a.put("interval", Long.toString(r.intervalMs()));
        a.put("last-rc-change", Long.toString(r.lastRcChange()));
        a.put("exec-time", Long.toString(r.execTimeMs()));
        a.put("queue-time", Long.toString(r.queueTimeMs()));
        a.put("op-digest", r.opDigest());
        return XmlElement.of("lrm_rsc_op", a, List.of());
    }

    /** The history entry a report replaces: {@code RSC_monitor_INTERVAL} for recurring ops, else {@code RSC_last_0}. */
    static String entryId(OperationReport r, String lrmId) {
        return r.intervalMs() > 0 ? lrmId + "_" + r.operation() + "_" + r.intervalMs() : lrmId + "_last_0";
    }

    static String lrmResourcesPath(String nodeId) {
        return "status/node_state[" + nodeId + "]/lrm[" + nodeId + "]/lrm_resources";
    }

    static String lrmResourcePath(String nodeId, String lrmId) {
        return lrmResourcesPath(nodeId) + "/lrm_resource[" + lrmId + "]";
    }

    static String attributesPath(String nodeId) {
        return "status/node_state[" + nodeId + "]/transient_attributes[" + nodeId + "]/instance_attributes[status-"
                + nodeId + "]";
    }

    /** The {@code lrm_resource} element itself, with the agent and these entries. */
    static XmlElement lrmResource(String lrmId, String agent, List<XmlElement> ops) {
        String[] p = agent.split(":");
        Map<String, String> a = new LinkedHashMap<>();
        a.put("id", lrmId);
        a.put("class", p[0]);
        if (p.length == 3) a.put("provider", p[1]);
        a.put("type", p[p.length - 1]);
        return XmlElement.of("lrm_resource", a, ops);
    }

    /** A transient attribute as Pacemaker's attribute manager writes it. */
    static CibOperation attribute(String nodeId, String name, String value) {
        String id = "status-" + nodeId + "-" + name.replace('#', '.');
        return CibOperation.put(attributesPath(nodeId),
                XmlElement.of("nvpair", Map.of("id", id, "name", name, "value", value), List.of()));
    }

    static CibOperation deleteAttribute(String nodeId, String name) {
        return CibOperation.delete(attributesPath(nodeId), "nvpair", "status-" + nodeId + "-" + name.replace('#', '.'));
    }

    /** {@code fail-count-RSC#OP_INTERVAL}. */
    static String failCountName(String lrmId, OperationReport r) {
        return "fail-count-" + lrmId + "#" + r.operation() + "_" + r.intervalMs();
    }

    static String lastFailureName(String lrmId, OperationReport r) {
        return "last-failure-" + lrmId + "#" + r.operation() + "_" + r.intervalMs();
    }

    /** The node's id in the status section (its node_state id), by name. */
    static Optional<String> nodeId(Cib cib, String uname) {
        Optional<String> fromStatus = cib.status().nodes().stream().filter(n -> n.uname().equals(uname))
                .map(NodeState::id).filter(id -> !id.isEmpty()).findFirst();
        return fromStatus.or(() -> cib.configuration().node(uname).map(pacer.cib.Node::id));
    }

    static Optional<LrmResource> lrmResource(Cib cib, String uname, String lrmId) {
        return cib.status().nodes().stream().filter(n -> n.uname().equals(uname)).flatMap(n -> n.resources().stream())
                .filter(l -> l.id().equals(lrmId)).findFirst();
    }

    /** The recurring entries of a resource on a node, to forget after it stopped. */
    static List<String> recurringEntries(Cib cib, String uname, String lrmId) {
        List<String> out = new ArrayList<>();
        lrmResource(cib, uname, lrmId).ifPresent(l -> {
            for (LrmOperation op : l.operations()) if (op.isRecurring()) out.add(op.id());
        });
        return out;
    }

    /** The node_state of a fenced node: down, expected down, no history, no transient attributes. */
    static CibOperation fencedNodeState(String nodeId, String uname) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("id", nodeId);
        a.put("uname", uname);
        a.put("in_ccm", "false");
        a.put("crmd", "offline");
        a.put("join", "down");
        a.put("expected", "down");
        return CibOperation.put("status", XmlElement.of("node_state", a, List.of()));
    }
}
