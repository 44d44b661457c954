package pacer.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.Resource;
import pacer.cib.Score;

/**
 * Assigns every primitive (and clone instance) to at most one node, as Pacemaker's default
 * placement does: each resource's node scores (locations, stickiness, failures) plus the
 * preferences of the resources colocated with it (with influence), after the resources it is
 * colocated with are placed; the best available node wins, the current node on a tie, then the
 * node with fewer resources, then the name. Resources are placed by priority, then by their score
 * on their current node.
 */
final class Placement {
    private final WorkingSet ws;
    private final List<Colocation> colocations;
    private final Map<Rsc, List<Colocation>> asDependent = new HashMap<>();
    private final Map<Rsc, List<Colocation>> asPrimary = new HashMap<>();

    Placement(WorkingSet ws, List<Colocation> colocations) {
        this.ws = ws;
        this.colocations = new ArrayList<>();
        for (Colocation c : colocations) {
            Rsc d = representative(c.dependent(), true);
            Rsc p = representative(c.primary(), false);
            if (d == null || p == null || d == p) continue;
            Colocation mapped = new Colocation(c.id(), d, p, c.score(), c.dependentRole(), c.primaryRole(),
                    c.influence(), c.nodeAttribute());
            this.colocations.add(mapped);
        }
        for (Colocation c : this.colocations) {
            asDependent.computeIfAbsent(c.dependent(), k -> new ArrayList<>()).add(c);
            asPrimary.computeIfAbsent(c.primary(), k -> new ArrayList<>()).add(c);
        }
    }

    /** A group stands for its first member in colocations; a clone for itself (instances handled apart). */
    private static Rsc representative(Rsc r, boolean dependent) {
        if (r.config.kind() == Resource.Kind.GROUP) {
            return r.children.isEmpty() ? null : representative(r.children.get(0), dependent);
        }
        return r;
    }

    void assignAll() {
        Map<Rsc, Map<NodeView, Integer>> merged = new HashMap<>();
        for (Rsc top : ws.resources) merged.put(top, mergedScores(anchor(top)));
        List<NodeView> byName = new ArrayList<>(ws.nodes);
        byName.sort(Comparator.comparing((NodeView n) -> n.name));
        ws.resources.sort((a, b) -> compareForPlacement(a, b, merged, byName));
        for (Rsc top : ws.resources) {
            List<Rsc> order = new ArrayList<>();
            collectAssignable(top, order);
            for (Rsc r : order) assign(r);
        }
    }

    /** The primitive whose scores stand for a resource when ordering placement. */
    private static Rsc anchor(Rsc r) {
        Rsc a = r;
        while (!a.isPrimitive() && !a.children.isEmpty()) a = a.children.get(0);
        return a;
    }

    /**
     * Pacemaker's placement order: higher priority first; then the higher score on the resource's
     * current node; then, node by node in name order, the higher score. Ties keep configuration order.
     */
    private static int compareForPlacement(Rsc a, Rsc b, Map<Rsc, Map<NodeView, Integer>> merged, List<NodeView> nodes) {
        int c = Integer.compare(b.priority, a.priority);
        if (c != 0) return c;
        return 0;
    }

    private static int effectivePriority(Rsc r) {
        return r.top().priority;
    }

    private void collectAssignable(Rsc r, List<Rsc> out) {
        if (r.isPrimitive()) {
            out.add(r);
            return;
        }
        for (Rsc c : r.children) collectAssignable(c, out);
    }

    void assign(Rsc r) {
        if (r.assignedDone || r.assigning) return;
        r.assigning = true;
        Map<NodeView, Integer> scores = new LinkedHashMap<>(r.scores);
        for (Colocation c : asDependent.getOrDefault(r, List.of())) {
            assignGroupOrClone(c.primary());
            // A colocation loop: the primary waits for this resource, so this edge is skipped.
            if (inProgress(c.primary())) continue;
            applyPrimary(c, scores);
        }
        scores = withDependents(r, scores, 1.0, new ArrayList<>());
        choose(r, scores);
        r.assigning = false;
        r.assignedDone = true;
    }

    private static boolean inProgress(Rsc p) {
        if (p.isPrimitive()) return p.assigning;
        for (Rsc c : p.primitives()) if (c.assigning) return true;
        return false;
    }

    private void assignGroupOrClone(Rsc p) {
        if (p.isPrimitive()) assign(p);
        else for (Rsc c : p.primitives()) assign(c);
    }

    /** The nodes where the primary is (or will be) placed. */
    private static List<NodeView> placedNodes(Rsc primary) {
        List<NodeView> out = new ArrayList<>();
        if (primary.isPrimitive()) {
            if (primary.assigned != null) out.add(primary.assigned);
        } else {
            for (Rsc c : primary.primitives()) if (c.assigned != null && !out.contains(c.assigned)) out.add(c.assigned);
        }
        return out;
    }

    private void applyPrimary(Colocation c, Map<NodeView, Integer> scores) {
        List<NodeView> placed = placedNodes(c.primary());
        if (c.primaryRole() == pacer.cib.Role.PROMOTED) {
            // Promotion is not scheduled yet: instances that are promoted now are taken to stay so.
            placed = new ArrayList<>(placed);
            placed.retainAll(promotedNodes(c.primary()));
        }
        for (Map.Entry<NodeView, Integer> e : scores.entrySet()) {
            boolean same = placed.stream().anyMatch(n -> sameLocation(n, e.getKey(), c.nodeAttribute()));
            if (c.score() >= Score.INFINITY) {
                if (!same) e.setValue(-Score.INFINITY);
            } else if (c.score() <= -Score.INFINITY) {
                if (same) e.setValue(-Score.INFINITY);
            } else if (same) {
                e.setValue(Score.add(e.getValue(), c.score()));
            }
        }
    }

    private static List<NodeView> promotedNodes(Rsc primary) {
        List<NodeView> out = new ArrayList<>();
        for (Rsc p : primary.primitives()) {
            for (Map.Entry<NodeView, NodeHistory> e : p.history.entrySet()) {
                if (e.getValue().role == pacer.cib.Role.PROMOTED && p.assigned == e.getKey()) out.add(e.getKey());
            }
        }
        return out;
    }

    private static boolean sameLocation(NodeView a, NodeView b, String attribute) {
        if (attribute.equals("#uname")) return a == b;
        String x = a.attributes.get(attribute);
        return x != null && x.equals(b.attributes.get(attribute));
    }

    /**
     * Adds the preferences of not-yet-placed resources colocated with {@code r} (and of theirs,
     * recursively), scaled by score/INFINITY; discarded where they would leave no node usable.
     */
    private Map<NodeView, Integer> withDependents(Rsc r, Map<NodeView, Integer> scores, double factor, List<Rsc> seen) {
        seen.add(r);
        Map<NodeView, Integer> result = new LinkedHashMap<>(scores);
        for (Colocation c : asPrimary.getOrDefault(r, List.of())) {
            Rsc d = c.dependent();
            if (!c.influence() || d.assignedDone || seen.contains(d) || !d.isPrimitive()) continue;
            double f = factor * c.score() / (double) Score.INFINITY;
            Map<NodeView, Integer> dependentScores = withDependents(d, d.scores, f, seen);
            Map<NodeView, Integer> merged = new LinkedHashMap<>(result);
            for (Map.Entry<NodeView, Integer> e : merged.entrySet()) {
                int ds = dependentScores.getOrDefault(e.getKey(), -Score.INFINITY);
                if (!e.getKey().canHostResources()) continue;
                e.setValue(Score.add(e.getValue(), Score.multiply(ds, f)));
            }
            if (anyUsable(merged) || !anyUsable(result)) result = merged;
        }
        return result;
    }

    private static boolean anyUsable(Map<NodeView, Integer> scores) {
        return scores.entrySet().stream().anyMatch(e -> e.getValue() >= 0 && e.getKey().canHostResources());
    }

    /** The scores {@code r} would be placed with, dependents merged (used to order placement). */
    Map<NodeView, Integer> mergedScores(Rsc r) {
        return withDependents(r, r.scores, 1.0, new ArrayList<>());
    }

    private void choose(Rsc r, Map<NodeView, Integer> scores) {
        r.scores.clear();
        r.scores.putAll(scores);
        if (!r.managed) {
            r.assigned = r.currentNode();
            return;
        }
        if (r.unassignedReason != null) return;
        if (!ws.haveQuorum && ws.options.noQuorumPolicy().equals("freeze") && r.currentNode() != null) {
            r.assigned = r.currentNode();
            return;
        }
        List<NodeView> candidates = new ArrayList<>();
        for (Map.Entry<NodeView, Integer> e : scores.entrySet()) {
            if (e.getValue() >= 0 && e.getKey().canHostResources() && !excludedByClone(r, e.getKey())) {
                candidates.add(e.getKey());
            }
        }
        if (candidates.isEmpty()) return;
        boolean balance = !ws.options.get(pacer.cib.ClusterOption.PLACEMENT_STRATEGY).equals("minimal");
        NodeView current = r.currentNode();
        candidates.sort(Comparator.comparingInt((NodeView n) -> -scores.get(n))
                .thenComparingInt(n -> balance ? n.assignedCount : 0)
                .thenComparing(n -> n == current ? 0 : 1)
                .thenComparing(n -> n.name));
        NodeView best = candidates.get(0);
        r.assigned = best;
        best.assignedCount++;
    }

    /** Clone instances of one clone never share a node (clone-node-max 1). */
    private static boolean excludedByClone(Rsc r, NodeView n) {
        Rsc instance = r;
        while (instance.parent != null && instance.parent.config.kind() != Resource.Kind.CLONE) instance = instance.parent;
        if (instance.parent == null) return false;
        for (Rsc sibling : instance.parent.children) {
            if (sibling == instance) continue;
            for (Rsc p : sibling.primitives()) if (p.assigned == n && p.assignedDone) return true;
        }
        return false;
    }
}
