package pacer.scheduler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pacer.cib.Role;
import pacer.cib.Score;

/**
 * What bundles add to the working set once their parts exist ({@link BundleExpander}): each
 * replica's IP follows its container (colocated, started before it, stopped after it), containers
 * of one bundle keep apart (with one replica per host), each instance of the bundled primitive is
 * confined to its own replica's guest node, and the summary lists a bundle replica by replica.
 */
final class Bundles {
    private final WorkingSet ws;
    private final List<BundleReplica> replicas;

    Bundles(WorkingSet ws, List<BundleReplica> replicas) {
        this.ws = ws;
        this.replicas = replicas;
    }

    /** Adds the implicit colocations and orderings (before scores are set). */
    void constraints(List<Colocation> colocations, List<Ordering> orderings) {
        Map<String, List<Rsc>> containers = new LinkedHashMap<>();
        for (BundleReplica r : replicas) {
            Rsc container = ws.byId.get(r.container());
            if (container == null) continue;
            Rsc ip = r.ip() == null ? null : ws.byId.get(r.ip());
            if (ip != null) {
                orderings.add(new Ordering("#bundle-ip-" + ip.id, ip, "start", container, "start", "Mandatory", true));
                orderings.add(new Ordering("#bundle-ip-" + ip.id + "-inverse", container, "stop", ip, "stop", "Mandatory", true));
                colocations.add(new Colocation("#ip-with-container", ip, container, Score.INFINITY, Role.UNKNOWN,
                        Role.UNKNOWN, true, "#uname"));
            }
            List<Rsc> earlier = containers.computeIfAbsent(r.bundle(), k -> new ArrayList<>());
            if (r.perHost() == 1) {
                for (Rsc other : earlier) {
                    colocations.add(new Colocation("#bundle-replicas-" + container.id, container, other, -Score.INFINITY,
                            Role.UNKNOWN, Role.UNKNOWN, true, "#uname"));
                }
            }
            earlier.add(container);
        }
    }

    /** Confines each instance of a bundled primitive to its replica's guest node (after scores are set). */
    void pins() {
        java.util.Set<NodeView> guests = new HashSet<>();
        Set<String> instances = new HashSet<>();
        for (BundleReplica r : replicas) {
            if (r.guestNode() != null && ws.node(r.guestNode()) != null) guests.add(ws.node(r.guestNode()));
            if (r.instance() != null) instances.add(r.instance());
        }
        for (Rsc p : ws.primitives()) {
            boolean own = false;
            for (Rsc x = p; x != null; x = x.parent) own |= instances.contains(x.id);
            if (!own) for (NodeView g : guests) p.scores.put(g, -Score.INFINITY);
        }
        for (BundleReplica r : replicas) {
            if (r.instance() == null) continue;
            Rsc inst = ws.byId.get(r.instance());
            NodeView home = ws.node(r.guestNode());
            if (inst == null || home == null) continue;
            for (Rsc p : inst.primitives()) {
                for (NodeView n : ws.nodes) {
                    if (n != home) p.scores.put(n, -Score.INFINITY);
                    else if (p.score(n) > -Score.INFINITY) p.scores.put(n, Score.INFINITY);
                }
            }
        }
    }

    /** The bundled primitive's instance whose history is on guest node {@code node}, or null. */
    static Rsc instanceOn(WorkingSet ws, NodeView node, String baseId) {
        for (BundleReplica r : ws.bundleReplicas) {
            if (r.instance() == null || !r.guestNode().equals(node.name)) continue;
            if (r.instance().startsWith(baseId + ":")) return ws.byId.get(r.instance());
        }
        return null;
    }

    /**
     * Every primitive in summary order: configuration order, except that a bundle's parts are listed
     * together, replica by replica (IP, container, connection, instance), where its first part is.
     */
    static List<Rsc> summaryOrder(WorkingSet ws, List<Rsc> primitives) {
        if (ws.bundleReplicas.isEmpty()) return primitives;
        Map<String, String> bundleOf = new LinkedHashMap<>();
        for (BundleReplica r : ws.bundleReplicas) {
            for (String id : parts(r)) bundleOf.put(id, r.bundle());
        }
        List<Rsc> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Rsc p : primitives) {
            String bundle = bundleOf.get(p.id);
            if (bundle == null) {
                out.add(p);
                continue;
            }
            if (!done.add(bundle)) continue;
            for (BundleReplica r : ws.bundleReplicas) {
                if (!r.bundle().equals(bundle)) continue;
                for (String id : parts(r)) {
                    Rsc part = ws.byId.get(id);
                    if (part != null && primitives.contains(part)) out.add(part);
                }
            }
        }
        return out;
    }

    private static List<String> parts(BundleReplica r) {
        List<String> ids = new ArrayList<>();
        if (r.ip() != null) ids.add(r.ip());
        ids.add(r.container());
        if (r.guestNode() != null) ids.add(r.guestNode());
        if (r.instance() != null) ids.add(r.instance());
        return ids;
    }
}
