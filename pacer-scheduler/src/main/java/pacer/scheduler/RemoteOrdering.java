package pacer.scheduler;

import java.util.ArrayList;

/**
 * Orders the actions on Pacemaker Remote and guest nodes relative to their connection: what
 * starts there waits for the connection; what stops there goes before the connection stops (and
 * a connection stop makes those stops required); where the connection is lost for good, stopping
 * what runs there means fencing the node.
 */
final class RemoteOrdering {
    private enum State { ALIVE, RESTING, UNKNOWN, STOPPED, FAILED }

    private final WorkingSet ws;
    private final ActionPlanner plan;

    RemoteOrdering(WorkingSet ws, ActionPlanner plan) {
        this.ws = ws;
        this.plan = plan;
    }

    void apply() {
        for (Action a : new ArrayList<>(plan.actions)) {
            if (a.rsc == null || a.node == null || !a.node.isRemote()) continue;
            Rsc conn = ws.byId.get(a.node.connectionId);
            if (conn == null || conn == a.rsc) continue;
            State state = state(conn);
            Action connStart = conn.assigned == null ? null : plan.find(conn, "start", conn.assigned);
            switch (a.task) {
                case "start", "promote" -> startThen(connStart, a, state == State.FAILED);
                case "stop" -> {
                    if (state == State.ALIVE) stopThen(a, conn);
                    else if (state == State.FAILED) fence(a);
                    else if (state == State.STOPPED || state == State.UNKNOWN && conn.assigned == null) stopThen(a, conn);
                    else startThen(connStart, a, false);
                }
                default -> { }
            }
        }
    }

    private State state(Rsc conn) {
        NodeView host = conn.currentNode();
        if (conn.assigned == null || conn.unassignedReason != null) {
            if (host != null && host.unclean) return State.FAILED;
            return conn.failed ? State.FAILED : State.STOPPED;
        }
        if (host == null) return State.UNKNOWN;
        if (host.unclean || !host.online) return State.RESTING;
        return State.ALIVE;
    }

    private void startThen(Action connStart, Action then, boolean implies) {
        if (connStart == null) return;
        plan.edges.add(new OrderEdge(connStart, then, implies, false, true));
    }

    private void stopThen(Action first, Rsc conn) {
        for (NodeView n : conn.runningOn) {
            Action stop = plan.find(conn, "stop", n);
            if (stop != null) plan.edges.add(new OrderEdge(first, stop, false, true, false));
        }
    }

    /** What runs on a remote node whose connection is lost can only be stopped by fencing it. */
    private void fence(Action stop) {
        NodeView n = stop.node;
        if (n.isGuest()) return;
        Action fence = null;
        for (Action f : plan.fencing) if (f.node == n && !"on".equals(f.reason)) fence = f;
        if (fence == null) {
            if (!ws.options.fencingEnabled()) return;
            fence = new Action(null, "stonith", n, 0, false);
            fence.reason = ws.options.get(pacer.cib.ClusterOption.FENCING_ACTION).equals("off") ? "off" : "reboot";
            fence.fenceReason = "resources are active but connection is unrecoverable";
            plan.fencing.add(fence);
            plan.actions.add(fence);
            n.unclean = true;
        }
        stop.pseudo = true;
        stop.runnable = true;
        plan.edges.add(new OrderEdge(fence, stop, false, false, true));
    }
}
