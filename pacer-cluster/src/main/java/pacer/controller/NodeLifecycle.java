package pacer.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.NodeState;
import pacer.cib.xml.XmlElement;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.scheduler.ClusterStatus;
import pacer.store.CibOperation;

/**
 * What the DC writes as nodes join and leave, Pacemaker's join and shutdown protocol reduced.
 *
 * <ul>
 *   <li><b>Join</b>: a member gets its {@code configuration/nodes} entry and {@code expected="member"},
 *       unless it is shutting down.
 *   <li><b>Clean shutdown</b>: a node that wants to leave sets the transient attribute
 *       {@code shutdown} to the time it asked ({@link #requestShutdown}); the scheduler then moves or
 *       stops everything it runs. Once the status shows it running nothing, the DC writes
 *       {@code expected="down"} ({@link #shutDownDone}); the node waits for that, then leaves. The
 *       scheduler reads a departed node with {@code expected="down"} as cleanly offline, so it is
 *       not fenced.
 *   <li><b>After leaving</b> its {@code shutdown} attribute is deleted, so that it joins again as a
 *       normal member.
 * </ul>
 *
 * <p>Pure functions: the CIB (and the scheduler's view of it) in, the writes out.
 */
final class NodeLifecycle {
    static final String SHUTDOWN = "shutdown";

    private NodeLifecycle() {}

    /** The transient attribute by which a node asks to leave cleanly. */
    static CibOperation requestShutdown(String nodeId, long epochSeconds) {
        return LrmRecord.attribute(nodeId, SHUTDOWN, Long.toString(epochSeconds));
    }

    /** Whether the node has asked to leave (its {@code shutdown} attribute is set). */
    static boolean shuttingDown(Cib cib, String uname) {
        String v = cib.status().node(uname).map(s -> s.transientAttributes().get(SHUTDOWN)).orElse(null);
        return v != null && !v.isEmpty() && !v.equals("0");
    }

    /** Whether the DC has let the node go ({@code expected="down"}). */
    static boolean expectedDown(Cib cib, String uname) {
        return stateElement(cib, uname).map(s -> "down".equals(s.attr("expected"))).orElse(false);
    }

    /** Node entries and {@code expected="member"} for members; departed nodes forget {@code shutdown}. */
    static List<CibOperation> joinWrites(Cib cib, Membership membership) {
        List<CibOperation> ops = new ArrayList<>();
        for (Member m : membership.members()) {
            if (cib.configuration().node(m.name()).isEmpty()) {
                ops.add(CibOperation.put("configuration/nodes", XmlElement.of("node",
                        Map.of("id", Integer.toString(m.nodeId()), "uname", m.name()), List.of())));
            }
            Optional<XmlElement> state = stateElement(cib, m.name());
            if (state.isPresent() && !"member".equals(state.get().attr("expected")) && !shuttingDown(cib, m.name())) {
                ops.add(CibOperation.put("status", state.get().withAttribute("expected", "member")));
            }
        }
        for (NodeState s : cib.status().nodes()) {
            if (!membership.contains(s.uname()) && shuttingDown(cib, s.uname()) && !s.id().isEmpty()) {
                ops.add(CibOperation.deleteIfPresent(LrmRecord.attributesPath(s.id()), "nvpair",
                        "status-" + s.id() + "-" + SHUTDOWN));
            }
        }
        return ops;
    }

    /** {@code expected="down"} for each node shutting down that runs nothing any more. */
    static List<CibOperation> shutDownDone(Cib cib, ClusterStatus status) {
        List<CibOperation> ops = new ArrayList<>();
        for (ClusterStatus.NodeStatus n : status.nodes()) {
            if (!shuttingDown(cib, n.name()) || expectedDown(cib, n.name())) continue;
            boolean idle = status.resources().stream().noneMatch(r -> r.nodes().contains(n.name()));
            Optional<XmlElement> state = stateElement(cib, n.name());
            if (idle && state.isPresent()) ops.add(CibOperation.put("status", state.get().withAttribute("expected", "down")));
        }
        return ops;
    }

    private static Optional<XmlElement> stateElement(Cib cib, String uname) {
        return cib.xml().child("status").flatMap(s -> s.children("node_state")
                .filter(n -> uname.equals(n.attr("uname"))).findFirst());
    }
}
