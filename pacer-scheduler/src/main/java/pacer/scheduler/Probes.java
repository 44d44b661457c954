package pacer.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import pacer.cib.ClusterOption;

/**
 * Decides where each resource must be probed (a one-shot monitor that finds out whether it runs
 * there): on every node that can run resources and has no history of it. An anonymous clone is
 * probed once per node, by its first instance. Nothing is probed in maintenance mode, on nodes in
 * maintenance, or where resource-discovery=never; nodes come newest first, as Pacemaker does.
 */
final class Probes {
    private Probes() {}

    /** One probe to run: the resource (or clone instance standing for its clone) and the node. */
    record Target(Rsc rsc, NodeView node) {}

    static List<Target> of(WorkingSet ws) {
        List<Target> out = new ArrayList<>();
        if (ws.options.flag(ClusterOption.MAINTENANCE_MODE)) return out;
        List<NodeView> nodes = new ArrayList<>(ws.nodes);
        Collections.reverse(nodes);
        for (Rsc r : ws.primitives()) {
            boolean anonymous = StatusPrimitiveLine.isAnonymousCloneInstance(r);
            Rsc clone = r.top();
            if (anonymous && !firstOfInstance(r, clone)) continue;
            if (!r.managed && r.runningOn.isEmpty() && r.blocked) continue;
            for (NodeView n : nodes) {
                if (!n.online || n.unclean || n.pending || n.maintenance) continue;
                if (anonymous ? knownOn(clone, r, n) : r.history.containsKey(n)) continue;
                out.add(new Target(r, n));
            }
        }
        return out;
    }

    /** For a clone of groups, the members of the first instance stand for every instance. */
    private static boolean firstOfInstance(Rsc r, Rsc clone) {
        Rsc first = clone.children.get(0);
        return first.primitives().contains(r);
    }

    /** Whether any instance of the anonymous clone with the same configuration id is known on the node. */
    private static boolean knownOn(Rsc clone, Rsc r, NodeView n) {
        for (Rsc p : clone.primitives()) if (p.config == r.config && p.history.containsKey(n)) return true;
        return false;
    }

    /** Whether a probe of {@code probed} must finish before {@code starting} may start. */
    static boolean guards(Rsc probed, Rsc starting) {
        if (probed == starting) return true;
        return StatusPrimitiveLine.isAnonymousCloneInstance(probed) && probed.top() == starting.top()
                && probed.config == starting.config;
    }
}
