package pacer.scheduler;

/**
 * "Fencing" of guest nodes: a guest whose container failed (or whose host is lost) is reset by
 * recovering the container. The fence action is a pseudo action, labelled {@code reboot} when the
 * container starts again and {@code off} otherwise, ordered after the container's stop; it is
 * printed with the container's name ({@code Fence (reboot) lxc1 (resource: container1)}).
 */
final class GuestFencing {
    private final WorkingSet ws;
    private final ActionPlanner plan;

    GuestFencing(WorkingSet ws, ActionPlanner plan) {
        this.ws = ws;
        this.plan = plan;
    }

    /** Adds the guests' pseudo fencing after the resources' actions exist. */
    void create() {
        boolean anyManaged = ws.primitives().stream().anyMatch(r -> r.managed);
        if (!anyManaged) return;
        for (NodeView n : ws.nodes) {
            if (!n.isGuest() || !n.remoteReset) continue;
            Rsc container = ws.byId.get(n.containerId);
            if (container == null || !container.managed) continue;
            Action start = null;
            Action stop = null;
            for (Action a : plan.actions) {
                if (a.rsc != container || a.node == null) continue;
                if (a.task.equals("start") && start == null) start = a;
                if (a.task.equals("stop") && stop == null) stop = a;
            }
            Action fence = new Action(null, "stonith", n, 0, false);
            fence.pseudo = true;
            fence.reason = start != null ? "reboot" : "off";
            fence.fenceReason = "guest is unclean";
            plan.fencing.add(fence);
            plan.actions.add(fence);
            if (stop != null) plan.edges.add(new OrderEdge(stop, fence, true, false, true));
            for (Action a : plan.actions) {
                if (a.node == n && a.task.equals("stop") && a.rsc != null) {
                    a.pseudo = true;
                    plan.edges.add(new OrderEdge(fence, a, false, false, false));
                }
            }
        }
    }

    /** How the summary names a fenced node: a guest with its container. */
    static String label(NodeView n) {
        return n.isGuest() ? n.name + " (resource: " + n.containerId + ")" : n.name;
    }
}
