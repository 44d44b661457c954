package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import pacer.cib.ClusterOption;
import pacer.cib.NodeState;
import pacer.cib.Role;

/**
 * The status of Pacemaker Remote and guest nodes, which follows their connection (and container)
 * resources: their histories are unpacked only once the connection is known to be up (passes
 * over the status until nothing changes; then, with fencing, the rest as unseen), their online
 * state decided from the connection's, and resources found active on a node that is down make
 * it fenced (a guest: its container recovered).
 */
final class RemoteStatus {
    private final WorkingSet ws;
    private final boolean canFence;

    RemoteStatus(WorkingSet ws, boolean canFence) {
        this.ws = ws;
        this.canFence = canFence;
        boolean startupFencing = ws.options.fencingEnabled() && ws.options.flag(ClusterOption.STARTUP_FENCING);
        for (NodeView n : ws.nodes) {
            // A remote node is unclean until its status is seen (guests are fenced through their container).
            if (n.isRemote() && !n.isGuest() && startupFencing) n.unclean = true;
        }
    }

    /** Unpacks every node's history through {@code apply}, remote nodes once their connections are known. */
    void unpack(BiConsumer<NodeState, NodeView> apply) {
        List<NodeState> left = new ArrayList<>(ws.cib.status().nodes());
        List<NodeView> unpacked = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (NodeState s : new ArrayList<>(left)) {
                NodeView n = ws.node(s.id().isEmpty() ? s.uname() : s.id());
                if (n == null || unpacked.contains(n)) {
                    left.remove(s);
                    continue;
                }
                if (n.isRemote() && !connectionUp(n)) continue;
                left.remove(s);
                unpacked.add(n);
                progress = true;
                if (n.isRemote()) seen(n);
                apply.accept(s, n);
            }
        }
        if (ws.options.fencingEnabled()) {
            for (NodeState s : left) {
                NodeView n = ws.node(s.id().isEmpty() ? s.uname() : s.id());
                if (n == null || unpacked.contains(n)) continue;
                unpacked.add(n);
                if (n.isRemote()) seen(n);
                apply.accept(s, n);
            }
        }
        for (NodeView n : ws.nodes) if (n.isRemote() && !unpacked.contains(n)) online(n);
    }

    private boolean connectionUp(NodeView n) {
        Rsc conn = ws.byId.get(n.connectionId);
        if (conn == null || conn.role != Role.STARTED) return false;
        Rsc container = n.isGuest() ? ws.byId.get(n.containerId) : null;
        return container == null || container.role == Role.STARTED;
    }

    /** The node's status entry is read: decide its state; it is clean unless it must be reset. */
    private void seen(NodeView n) {
        online(n);
        if (!n.remoteReset && n.fenceReason == null) n.unclean = false;
    }

    /** Online while the connection runs, unless it (or the guest's container or host) failed. */
    private void online(NodeView n) {
        Rsc conn = ws.byId.get(n.connectionId);
        if (conn == null) {
            n.online = false;
            return;
        }
        Rsc container = n.isGuest() ? ws.byId.get(n.containerId) : null;
        NodeView host = conn.runningOn.size() == 1 ? conn.runningOn.get(0) : null;
        if (conn.role == Role.STARTED) n.online = true;
        unrecoverable(n, conn);
        if (container != null && container.failed) {
            n.online = false;
            n.remoteReset = true;
        } else if (conn.failed) {
            n.online = false;
        } else if (conn.role == Role.STOPPED || (container != null && container.role == Role.STOPPED)) {
            n.online = false;
            n.remoteReset = false;
        } else if (n.isGuest() && host != null && !host.online && host.unclean) {
            n.online = false;
            n.remoteReset = true;
        }
    }

    /** A remote connection that failed other than in a probe or start: the node must be fenced. */
    private void unrecoverable(NodeView n, Rsc conn) {
        if (n.isGuest() || !ws.options.fencingEnabled() || !conn.managed) return;
        for (NodeHistory h : conn.history.values()) {
            if (h.failure == null) continue;
            String task = h.failure.operation();
            boolean probe = task.equals("monitor") && h.failure.intervalMs() == 0;
            if (probe || task.equals("start")) continue;
            conn.failed = true;
            fence(n, "remote connection is unrecoverable");
        }
    }

    /** Called for each history found on a remote or guest node, before it counts. */
    void activeOnRemote(Rsc rsc, NodeView node, NodeHistory h) {
        if (!h.role.isActive() || h.role == Role.UNKNOWN || node.online || node.maintenance || !rsc.managed) return;
        if (node.isGuest()) {
            // Treated as failed there: recovered once the guest is back.
            rsc.failed = true;
            if (h.failure == null) h.failure = h.lastDefiningOp;
            if (h.onFail.ordinal() < OnFail.RESTART.ordinal()) h.onFail = OnFail.RESTART;
            fenceGuest(node);
            return;
        }
        if (!ws.options.fencingEnabled()) return;
        Rsc conn = ws.byId.get(node.connectionId);
        String reason = conn != null && !conn.failed
                ? rsc.id + " is active there (fencing will be revoked if remote connection can be re-established elsewhere)"
                : rsc.id + " is thought to be active there";
        if (conn != null && !conn.failed) node.remoteRevocable = true;
        fence(node, reason);
    }

    private void fence(NodeView n, String reason) {
        if (!n.remoteReset) {
            n.remoteReset = true;
            if (n.fenceReason == null) n.fenceReason = reason;
        }
        n.unclean = true;
    }

    /** A guest is "fenced" by recovering its container. */
    private void fenceGuest(NodeView n) {
        Rsc container = ws.byId.get(n.containerId);
        if (container == null || container.failed || !container.managed) return;
        n.remoteReset = true;
        container.failed = true;
    }
}
