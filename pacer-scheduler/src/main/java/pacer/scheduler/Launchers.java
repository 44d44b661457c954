package pacer.scheduler;

import java.util.List;
import pacer.cib.Role;
import pacer.cib.Score;

/**
 * The implicit constraints of launched resources (meta-attribute {@code container}): a resource
 * launched by a plain resource is colocated with it and started after it (stopped before it); a
 * resource launched by a guest node's container or by a remote connection is forced onto that
 * node. A guest node's connection follows its container. Also keeps remote connections, fence
 * devices and guest containers off Pacemaker Remote nodes (no nesting).
 */
final class Launchers {
    private final WorkingSet ws;
    private final List<Colocation> colocations;
    private final List<Ordering> orderings;

    Launchers(WorkingSet ws, List<Colocation> colocations, List<Ordering> orderings) {
        this.ws = ws;
        this.colocations = colocations;
        this.orderings = orderings;
    }

    /** The resource that launches {@code r} (its {@code container} meta-attribute), or null. */
    static Rsc launcherOf(WorkingSet ws, Rsc r) {
        String id = r.meta.get("container");
        if (id == null || !r.isPrimitive()) return null;
        Rsc c = ws.byId.get(id);
        return c == null || c == r ? null : c;
    }

    /** Whether {@code r} is a Pacemaker Remote connection (explicit, or a guest's implicit one). */
    static boolean isConnection(Rsc r) {
        return r.isPrimitive() && RemoteNodes.isConnection(r.primitive());
    }

    /** The remote or guest node a resource's connection (or guest container) stands for, or null. */
    static NodeView nodeOf(WorkingSet ws, Rsc r) {
        for (NodeView n : ws.nodes) {
            if (r.id.equals(n.connectionId) && isConnection(r)) return n;
            if (r.id.equals(n.containerId)) return n;
        }
        return null;
    }

    /** Adds the launchers' colocations and orderings (before scores are set). */
    void apply() {
        for (Rsc r : ws.primitives()) {
            Rsc launcher = launcherOf(ws, r);
            if (launcher == null) continue;
            if (!isConnection(r) && nodeOf(ws, launcher) != null) continue; // forced onto the node, see bans()
            orderings.add(new Ordering("#launcher-" + r.id, launcher, "start", r, "start", "Mandatory", true));
            orderings.add(new Ordering("#launcher-" + r.id + "-inverse", r, "stop", launcher, "stop", "Mandatory", true));
            colocations.add(new Colocation("#resource-with-container", r, launcher, Score.INFINITY, Role.UNKNOWN,
                    Role.UNKNOWN, true, "#uname"));
        }
    }

    /** Node bans that follow from launching and nesting (after scores are set). */
    void bans() {
        for (Rsc r : ws.primitives()) {
            Rsc launcher = launcherOf(ws, r);
            if (launcher != null && !isConnection(r)) {
                NodeView home = nodeOf(ws, launcher);
                if (home != null) {
                    for (NodeView n : ws.nodes) if (n != home) r.scores.put(n, -Score.INFINITY);
                }
            }
            if (launcher != null && isConnection(r)) avoidRemoteNodes(launcher);
            if (isConnection(r) || r.isFencingDevice()) avoidRemoteNodes(r);
        }
    }

    private void avoidRemoteNodes(Rsc r) {
        for (NodeView n : ws.nodes) if (n.isRemote()) r.scores.put(n, -Score.INFINITY);
    }
}
