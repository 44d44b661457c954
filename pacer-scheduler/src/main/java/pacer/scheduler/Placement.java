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
    private final CloneAssigner clones;

    Placement(WorkingSet ws, List<Colocation> colocations) {
        this.ws = ws;
        this.clones = new CloneAssigner(ws, this);
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
        boolean utilization = !ws.options.get(pacer.cib.ClusterOption.PLACEMENT_STRATEGY).equals("default");
        if (utilization) banTooSmallNodes();
        Map<Rsc, Map<NodeView, Integer>> merged = new HashMap<>();
        for (Rsc top : ws.resources) merged.put(top, mergedScores(anchor(top)));
        ws.resources.sort((a, b) -> compareForPlacement(a, b, merged, utilization));
        // Remote connections first: where they go decides whether their nodes can host anything.
        RemoteConnections remotes = new RemoteConnections(ws);
        for (Rsc top : ws.resources) {
            if (!Launchers.isConnection(top)) continue;
            assign(top);
            remotes.assigned(top);
        }
        for (Rsc top : ws.resources) {
            if (top.config.kind() == Resource.Kind.CLONE) {
                clones.assign(top);
                continue;
            }
            List<Rsc> order = new ArrayList<>();
            collectAssignable(top, order);
            for (Rsc r : order) assign(r);
        }
    }

    /** A node whose whole capacity cannot hold a resource can never run it (checked before ordering). */
    private void banTooSmallNodes() {
        Utilization util = new Utilization(ws.options.get(pacer.cib.ClusterOption.PLACEMENT_STRATEGY), Map.of());
        for (Rsc r : ws.primitives()) {
            for (NodeView n : ws.nodes) {
                boolean fits = r.utilization.entrySet().stream().allMatch(e -> e.getValue() <= 0
                        || !n.capacity.containsKey(e.getKey()) || n.capacity.get(e.getKey()) >= e.getValue());
                if (!fits && r.scores.containsKey(n)) r.scores.put(n, -Score.INFINITY);
            }
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
    private static int compareForPlacement(Rsc a, Rsc b, Map<Rsc, Map<NodeView, Integer>> merged, boolean utilization) {
        int c = Integer.compare(b.priority, a.priority);
        if (c != 0 || !utilization) return c;
        // When capacity is limited, what already runs keeps its place first.
        NodeView ca = anchor(a).currentNode();
        NodeView cb = anchor(b).currentNode();
        int wa = ca == null ? -Score.INFINITY : merged.get(a).getOrDefault(ca, -Score.INFINITY);
        int wb = cb == null ? -Score.INFINITY : merged.get(b).getOrDefault(cb, -Score.INFINITY);
        return Integer.compare(wb, wa);
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
        Rsc clone = cloneOf(r);
        if (clone != null && !clone.assignedDone && !clone.assigning) {
            clones.assign(clone);
            if (r.assignedDone) return;
        }
        r.assigning = true;
        Map<NodeView, Integer> scores = candidateScores(r);
        choose(r, scores);
        r.assigning = false;
        r.assignedDone = true;
    }

    /**
     * The node scores {@code r} would be placed with: its own, then its primaries' placement
     * (placing them first), then its dependents' preferences. A clone instance's first primitive
     * also takes the colocations of its clone.
     */
    Map<NodeView, Integer> candidateScores(Rsc r) {
        boolean wasAssigning = r.assigning;
        r.assigning = true;
        Map<NodeView, Integer> scores = new LinkedHashMap<>(r.scores);
        List<Colocation> primaries = new ArrayList<>();
        for (Colocation c : dependentColocations(r)) {
            assignGroupOrClone(c.primary());
            // A colocation loop: the primary waits for this resource, so this edge is skipped.
            if (inProgress(c.primary()) || c.primary().assigning) continue;
            primaries.add(c);
        }
        // Mandatory colocations first (both directions), so that as many as possible hold; then
        // the optional ones, each only if it leaves the resource somewhere to run.
        for (Colocation c : primaries) if (mandatory(c)) applyPrimary(c, scores);
        scores = withDependents(r, scores, 1.0, new ArrayList<>(), true);
        for (Colocation c : primaries) {
            if (mandatory(c)) continue;
            Map<NodeView, Integer> trial = new LinkedHashMap<>(scores);
            applyPrimary(c, trial);
            if (anyUsable(trial)) scores = trial;
        }
        scores = withDependents(r, scores, 1.0, new ArrayList<>(), false);
        r.assigning = wasAssigning;
        return scores;
    }

    /** The colocations (groups standing for their first member) whose dependent is {@code r}. */
    List<Colocation> colocationsOf(Rsc r) {
        return asDependent.getOrDefault(r, List.of());
    }

    /** The colocations (groups standing for their first member) whose primary is {@code r}. */
    List<Colocation> colocationsWith(Rsc r) {
        return asPrimary.getOrDefault(r, List.of());
    }

    /** Places the primaries of the colocations a clone is the dependent of. */
    void assignPrimariesOf(Rsc clone) {
        for (Colocation c : asDependent.getOrDefault(clone, List.of())) assignGroupOrClone(c.primary());
    }

    private List<Colocation> dependentColocations(Rsc r) {
        List<Colocation> out = new ArrayList<>(asDependent.getOrDefault(r, List.of()));
        Rsc clone = cloneAnchorOf(r);
        if (clone == null) return out;
        // A colocation by the dependent's role decides roles, not placement.
        for (Colocation c : asDependent.getOrDefault(clone, List.of())) {
            if (c.dependentRole() == pacer.cib.Role.UNKNOWN) out.add(c);
        }
        return out;
    }

    /** The clone {@code r} is part of, or null. */
    private static Rsc cloneOf(Rsc r) {
        Rsc instance = CloneInstances.instanceOf(r);
        return instance == null ? null : instance.parent;
    }

    /** The clone whose colocations {@code r} carries: when it is the first primitive of an instance. */
    private static Rsc cloneAnchorOf(Rsc r) {
        Rsc instance = CloneInstances.instanceOf(r);
        if (instance == null) return null;
        List<Rsc> primitives = instance.primitives();
        return !primitives.isEmpty() && primitives.get(0) == r ? instance.parent : null;
    }

    private static boolean inProgress(Rsc p) {
        if (p.isPrimitive()) return p.assigning;
        for (Rsc c : p.primitives()) if (c.assigning) return true;
        return false;
    }

    private void assignGroupOrClone(Rsc p) {
        if (p.config.kind() == Resource.Kind.CLONE) clones.assign(p);
        else if (p.isPrimitive()) assign(p);
        else for (Rsc c : p.primitives()) assign(c);
    }

    /** The nodes where the primary is (or will be) placed. */
    private static List<NodeView> placedNodes(Rsc primary) {
        List<NodeView> out = new ArrayList<>();
        if (primary.isPrimitive()) {
            if (primary.assigned != null) out.add(primary.assigned);
        } else if (primary.config.kind() == Resource.Kind.CLONE) {
            // Only instances that are not blocked (on-fail=block) count for a clone.
            for (Rsc instance : primary.children) {
                List<Rsc> members = instance.primitives();
                if (members.isEmpty() || members.stream().anyMatch(m -> m.blocked)) continue;
                NodeView n = members.get(0).assigned;
                if (n != null && !out.contains(n)) out.add(n);
            }
        } else {
            for (Rsc c : primary.primitives()) if (c.assigned != null && !out.contains(c.assigned)) out.add(c.assigned);
        }
        return out;
    }

    private void applyPrimary(Colocation c, Map<NodeView, Integer> scores) {
        List<NodeView> placed = placedNodes(c.primary());
        boolean noBan = false;
        if (PromotionColocations.hasRole(c.primaryRole()) && PromotionScores.isPromotable(c.primary())) {
            // Only the instances that will have that role count (promotion chose them with the clone).
            placed = PromotionScores.nodesInRole(c.primary(), c.primaryRole());
            noBan = c.dependentRole() == pacer.cib.Role.PROMOTED && c.primaryRole() == pacer.cib.Role.PROMOTED;
        }
        for (Map.Entry<NodeView, Integer> e : scores.entrySet()) {
            boolean same = placed.stream().anyMatch(n -> sameLocation(n, e.getKey(), c.nodeAttribute()));
            if (c.score() >= Score.INFINITY) {
                if (!same && !noBan) e.setValue(-Score.INFINITY);
            } else if (c.score() <= -Score.INFINITY) {
                if (same) e.setValue(-Score.INFINITY);
            } else if (same) {
                e.setValue(Score.add(e.getValue(), c.score()));
            }
        }
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
    private static boolean mandatory(Colocation c) {
        return c.score() >= Score.INFINITY || c.score() <= -Score.INFINITY;
    }

    /** Merges the dependents of the mandatory ({@code mandatoryOnly}) or the optional colocations only. */
    private Map<NodeView, Integer> withDependents(Rsc r, Map<NodeView, Integer> scores, double factor, List<Rsc> seen,
                                                  boolean mandatoryOnly) {
        Map<NodeView, Integer> result = new LinkedHashMap<>(scores);
        for (Colocation c : asPrimary.getOrDefault(r, List.of())) {
            if (mandatory(c) != mandatoryOnly) continue;
            result = mergeDependent(r, c, result, factor, seen);
        }
        return result;
    }

    private Map<NodeView, Integer> mergeDependent(Rsc r, Colocation c, Map<NodeView, Integer> result, double factor,
                                                  List<Rsc> seen) {
        seen.add(r);
        Rsc d = c.dependent();
        if (!c.influence() || d.assignedDone || seen.contains(d) || !d.isPrimitive()) return result;
        double f = factor * c.score() / (double) Score.INFINITY;
        Map<NodeView, Integer> dependentScores = withDependents(d, withOtherPrimaries(d, r), f, seen);
        Map<NodeView, Integer> merged = new LinkedHashMap<>(result);
        for (Map.Entry<NodeView, Integer> e : merged.entrySet()) {
            int ds = dependentScores.getOrDefault(e.getKey(), -Score.INFINITY);
            if (!e.getKey().canHostResources()) continue;
            e.setValue(Score.add(e.getValue(), Score.multiply(ds, f)));
        }
        return anyUsable(merged) || !anyUsable(result) ? merged : result;
    }

    /**
     * A dependent's scores with its mandatory colocations to other, already placed primaries
     * applied: what it brings to {@code primary}'s placement includes where it is bound to be.
     */
    private Map<NodeView, Integer> withOtherPrimaries(Rsc d, Rsc primary) {
        Map<NodeView, Integer> scores = new LinkedHashMap<>(d.scores);
        for (Colocation c : asDependent.getOrDefault(d, List.of())) {
            if (!mandatory(c) || c.primary() == primary || !c.primary().isPrimitive()) continue;
            if (c.primary().assignedDone) applyPrimary(c, scores);
        }
        return scores;
    }

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
        Utilization util = new Utilization(ws.options.get(pacer.cib.ClusterOption.PLACEMENT_STRATEGY), asPrimary);
        Map<String, Integer> need = util.active() ? util.needed(r) : Map.of();
        List<NodeView> candidates = new ArrayList<>();
        for (Map.Entry<NodeView, Integer> e : scores.entrySet()) {
            if (e.getValue() >= 0 && e.getKey().canHostResources() && !excludedByClone(r, e.getKey())
                    && (!util.active() || util.fits(e.getKey(), need))) {
                candidates.add(e.getKey());
            }
        }
        if (candidates.isEmpty()) return;
        NodeView current = r.currentNode();
        candidates.sort(Comparator.comparingInt((NodeView n) -> -scores.get(n))
                .thenComparing((a, b) -> util.balanced() ? util.compareFree(a, b) : 0)
                .thenComparingInt(n -> util.countBalancing() ? n.assignedCount : 0)
                .thenComparing(n -> n == current ? 0 : 1)
                .thenComparing(n -> n.name));
        NodeView best = candidates.get(0);
        r.assigned = best;
        best.assignedCount++;
        util.place(r, best);
    }

    /** Whether the clone {@code r} is an instance of has no room left on {@code n} (clone-node-max). */
    private boolean excludedByClone(Rsc r, NodeView n) {
        return clones.excludes(r, n);
    }
}
