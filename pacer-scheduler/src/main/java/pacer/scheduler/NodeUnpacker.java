package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.BooleanValue;
import pacer.cib.Cib;
import pacer.cib.ClusterOption;
import pacer.cib.Node;
import pacer.cib.NodeState;

/**
 * Decides each configured node's state from its {@code node_state} entry, as Pacemaker does:
 * online, pending, offline, or unclean (to be fenced, with the reason Pacemaker gives).
 */
final class NodeUnpacker {
    private final Options options;
    private final AttributeResolver attributes;

    NodeUnpacker(Options options, AttributeResolver attributes) {
        this.options = options;
        this.attributes = attributes;
    }

    List<NodeView> unpack(Cib cib) {
        List<NodeView> out = new ArrayList<>();
        for (Node n : cib.configuration().nodes()) {
            if (!n.type().equals("member") && !n.type().equals("normal")) continue;
            NodeView v = new NodeView(n.id(), n.uname(), n.type(), n.score());
            v.attributes.put("#uname", n.uname());
            v.attributes.put("#id", n.id());
            v.attributes.put("#kind", "cluster");
            v.attributes.put("#is_dc", Boolean.toString(cib.dcUuid().map(d -> d.equals(n.id())).orElse(false)));
            cib.configuration().crmConfig().stream().flatMap(s -> s.values().entrySet().stream())
                    .filter(e -> e.getKey().equals("cluster-name")).findFirst()
                    .ifPresent(e -> v.attributes.put("#cluster-name", e.getValue()));
            v.attributes.putAll(attributes.resolve(n.attributes(), v.attributes, null));
            attributes.resolve(n.utilization(), v.attributes, null).forEach((k, val) ->
                    v.capacity.put(k, pacer.cib.Score.parse(val, 0)));
            Optional<NodeState> state = cib.status().nodes().stream()
                    .filter(s -> s.id().equals(n.id()) || (s.id().isEmpty() && s.uname().equals(n.uname())))
                    .findFirst();
            state.ifPresent(s -> v.attributes.putAll(s.transientAttributes()));
            if (state.isEmpty()) {
                unseen(v);
            } else if (options.fencingEnabled()) {
                withFencing(v, state.get());
            } else {
                withoutFencing(v, state.get());
            }
            v.standby |= BooleanValue.parse(v.attributes.get("standby"), false);
            v.maintenance = BooleanValue.parse(v.attributes.get("maintenance"), false);
            String shutdown = v.attributes.getOrDefault("shutdown",
                    state.map(st -> st.attributes().get("shutdown")).orElse(null));
            v.shutdown = shutdown != null && !shutdown.equals("0") && !shutdown.isEmpty() && v.online;
            out.add(v);
        }
        boolean panic = BooleanValue.parse(cib.attribute("no-quorum-panic").orElse(null), false);
        String policy = options.noQuorumPolicy();
        if (!cib.hasQuorum() && options.fencingEnabled() && policy.equals("fence") && panic) {
            // This partition lost quorum and must not keep running anything: every node here fences itself.
            for (NodeView v : out) {
                if (v.online && !v.unclean) {
                    v.unclean = true;
                    v.fenceReason = "cluster does not have quorum";
                }
            }
        }
        return out;
    }

    private void unseen(NodeView v) {
        v.unseen = true;
        if (options.fencingEnabled() && options.flag(ClusterOption.STARTUP_FENCING)) {
            v.unclean = true;
            v.fenceReason = "node is unclean";
        }
    }

    private void withFencing(NodeView v, NodeState s) {
        Map<String, String> a = s.attributes();
        long member = membership(a.get("in_ccm"), "true");
        long online = membership(a.get("crmd"), "online");
        String join = a.getOrDefault("join", "");
        String expected = a.get("expected");
        boolean shutdownRequested = isSet(s.transientAttributes().get("shutdown"));
        boolean terminate = BooleanValue.parse(s.transientAttributes().get("terminate"), false);
        v.expectedUp = "member".equals(expected);
        if (member > 0 && online > 0 && join.equals("member") && !terminate) {
            v.online = true; // a full member, whatever it was expected to be
        } else if (member < 0) {
            fence(v, "peer has not been seen by the cluster", false);
        } else if (join.equals("nack") || join.equals("banned")) {
            fence(v, "peer failed Pacemaker membership criteria", member > 0);
        } else if (terminate) {
            if (member <= 0 && online <= 0 && join.equals("down")) return;
            fence(v, "fencing was requested", member > 0);
        } else if (expected == null || expected.equals("down")) {
            if (member > 0 || online > 0) notReady(v, member > 0);
        } else if (member <= 0) {
            if (!shutdownRequested) fence(v, "peer is no longer part of the cluster", false);
        } else if (online <= 0) {
            fence(v, "peer process is no longer available", true);
        } else if (join.equals("member")) {
            v.online = true;
        } else if (join.equals("pending") || join.equals("down")) {
            notReady(v, true);
        } else {
            fence(v, "peer was in an unknown state", true);
        }
    }

    private void withoutFencing(NodeView v, NodeState s) {
        Map<String, String> a = s.attributes();
        long member = membership(a.get("in_ccm"), "true");
        long online = membership(a.get("crmd"), "online");
        String join = a.getOrDefault("join", "");
        v.expectedUp = "member".equals(a.get("expected"));
        if (member > 0 && online > 0) {
            if (join.equals("member")) v.online = true;
            else notReady(v, true);
        }
    }

    private static void notReady(NodeView v, boolean printOnline) {
        v.pending = true;
        v.standby = true;
        v.online = false;
    }

    private static void fence(NodeView v, String reason, boolean online) {
        v.unclean = true;
        v.online = online;
        v.fenceReason = reason;
    }

    private static boolean isSet(String v) {
        return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /** 1 (or a timestamp) for yes, 0 for no, -1 when the flag is absent. */
    private static long membership(String value, String yes) {
        if (value == null) return -1;
        String v = value.trim();
        if (v.equalsIgnoreCase(yes) || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")) return 1;
        try {
            return Math.max(0, Long.parseLong(v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
