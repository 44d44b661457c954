package pacer.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pacer.cib.BooleanValue;

/**
 * Places the instances of one clone, as Pacemaker does:
 * <ul>
 *   <li>at most {@code clone-max} instances in all (default: one per node) and at most
 *       {@code clone-node-max} (default 1) on any node;</li>
 *   <li>instances are taken in a fixed order (see {@link #compare}): active ones before inactive
 *       ones, healthy before failed, lower instance numbers first;</li>
 *   <li>first every healthy active instance is kept on its current node, if that node has not yet
 *       received its fair share ({@code clone-max / available nodes}) and if the instance would not
 *       rather go elsewhere: when a better node exists, one instance is reserved for that node and
 *       the instance tries again, until as many reservations as instances remain;</li>
 *   <li>then every instance still unplaced gets the best node with room left, or none once
 *       {@code clone-max} instances are placed.</li>
 * </ul>
 * "Removed" (orphan) instances are never placed. Node choice itself (scores, colocations,
 * balancing) is {@link Placement}'s; this class only limits and orders it.
 */
final class CloneAssigner {
    private final WorkingSet ws;
    private final Placement placement;
    /** Per clone: how many instances were placed on each node so far. */
    private final Map<Rsc, Map<NodeView, Integer>> counts = new HashMap<>();
    /** Instances whose placement is final. */
    private final Set<Rsc> done = new HashSet<>();
    /** Chooses the promoted instances of promotable clones. */
    private final Promotion promotion;

    CloneAssigner(WorkingSet ws, Placement placement) {
        this.ws = ws;
        this.placement = placement;
        this.promotion = new Promotion(ws, placement, this);
    }

    /** clone-max: the configured instances (removed ones not counted). */
    static int cloneMax(Rsc clone) {
        return (int) clone.children.stream().filter(c -> !c.orphan).count();
    }

    /** clone-node-max, 1 by default. */
    static int cloneNodeMax(Rsc clone) {
        try {
            String v = clone.meta.get("clone-node-max");
            return v == null ? 1 : Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Whether the clone is globally unique. */
    static boolean unique(Rsc clone) {
        return BooleanValue.parse(clone.meta.get("globally-unique"), false);
    }

    /** Whether {@code n} has no room left for the instance {@code r} belongs to. */
    boolean excludes(Rsc r, NodeView n) {
        Rsc instance = CloneInstances.instanceOf(r);
        if (instance == null) return false;
        if (instance.orphan) return true;
        Map<NodeView, Integer> perNode = counts.get(instance.parent);
        if (perNode == null || done.contains(instance)) return false;
        return perNode.getOrDefault(n, 0) >= cloneNodeMax(instance.parent);
    }

    /** Places every instance of {@code clone} (once; later calls do nothing). */
    void assign(Rsc clone) {
        if (clone.assignedDone || clone.assigning) return;
        clone.assigning = true;
        boolean promotable = PromotionScores.isPromotable(clone);
        if (promotable) promotion.addPromotionScores(clone);
        placement.assignPrimariesOf(clone);
        Map<NodeView, Integer> perNode = new HashMap<>();
        counts.put(clone, perNode);
        List<Rsc> instances = new ArrayList<>();
        for (Rsc c : clone.children) {
            if (c.orphan) markUnplaced(c);
            else instances.add(c);
        }
        instances.sort(this::compare);
        int maxTotal = cloneMax(clone);
        int maxPerNode = cloneNodeMax(clone);
        long availableNodes = ws.nodes.stream().filter(NodeView::canHostResources).count();
        int optimal = availableNodes == 0 ? 1 : (int) Math.max(1, maxTotal / availableNodes);
        int assigned = 0;
        for (Rsc inst : instances) {
            if (assigned >= maxTotal) break;
            NodeView current = preferredNode(inst, perNode, optimal);
            if (current != null && keepsCurrentNode(inst, current, perNode, maxPerNode, maxTotal - assigned)) {
                place(inst, perNode);
                assigned++;
            }
        }
        for (Rsc inst : instances) {
            if (done.contains(inst)) continue;
            if (assigned >= maxTotal || maxPerNode <= 0) {
                markUnplaced(inst);
                continue;
            }
            if (place(inst, perNode) != null) assigned++;
        }
        if (promotable) promotion.chooseRoles(clone);
        clone.assigning = false;
        clone.assignedDone = true;
    }

    /** Places every primitive of the instance; returns the node of its first one, or null. */
    private NodeView place(Rsc inst, Map<NodeView, Integer> perNode) {
        List<Rsc> primitives = inst.primitives();
        for (Rsc p : primitives) placement.assign(p);
        done.add(inst);
        NodeView node = primitives.isEmpty() ? null : primitives.get(0).assigned;
        if (node != null) perNode.merge(node, 1, Integer::sum);
        return node;
    }

    private void markUnplaced(Rsc inst) {
        done.add(inst);
        for (Rsc p : inst.primitives()) {
            p.assigned = null;
            p.assignedDone = true;
        }
    }

    /** The current node of a healthy active instance, while that node is below its fair share. */
    private static NodeView preferredNode(Rsc inst, Map<NodeView, Integer> perNode, int optimal) {
        NodeView current = location(inst);
        if (current == null || failed(inst) || !current.canHostResources()) return null;
        if (perNode.getOrDefault(current, 0) >= optimal) return null;
        return current;
    }

    /**
     * Whether the instance would choose {@code current}: each time a better node with room wins
     * instead, one instance is reserved for that node, until {@code available} are reserved.
     */
    private boolean keepsCurrentNode(Rsc inst, NodeView current, Map<NodeView, Integer> perNode, int maxPerNode,
                                     int available) {
        Rsc anchor = anchor(inst);
        if (anchor == null) return false;
        Map<NodeView, Integer> scores = placement.candidateScores(anchor);
        Map<NodeView, Integer> scratch = new HashMap<>(perNode);
        boolean balance = !ws.options.get(pacer.cib.ClusterOption.PLACEMENT_STRATEGY).equals("minimal");
        for (int reserved = 0; reserved < available; reserved++) {
            List<NodeView> candidates = new ArrayList<>();
            for (Map.Entry<NodeView, Integer> e : scores.entrySet()) {
                NodeView n = e.getKey();
                if (e.getValue() >= 0 && n.canHostResources() && scratch.getOrDefault(n, 0) < maxPerNode) {
                    candidates.add(n);
                }
            }
            if (candidates.isEmpty()) return false;
            candidates.sort(Comparator.comparingInt((NodeView n) -> -scores.get(n))
                    .thenComparingInt(n -> balance ? n.assignedCount : 0)
                    .thenComparing(n -> n.name));
            NodeView best = candidates.get(0);
            if (candidates.contains(current) && scores.get(current) >= scores.get(best)) return true;
            scratch.merge(best, 1, Integer::sum);
        }
        return false;
    }

    /**
     * Pacemaker's instance order: less multiply active first (both active); not active on a
     * disallowed node; higher priority; active; current node usable; current node allowed; not
     * failed; lower instance number.
     */
    int compare(Rsc a, Rsc b) {
        int na = activeNodes(a).size();
        int nb = activeNodes(b).size();
        if (na > 0 && nb > 0 && na != nb) return Integer.compare(na, nb);
        NodeView ca = allowedCurrent(a);
        NodeView cb = allowedCurrent(b);
        boolean okA = ca != null || na == 0;
        boolean okB = cb != null || nb == 0;
        if (okA != okB) return okA ? -1 : 1;
        int pa = anchorPriority(a);
        int pb = anchorPriority(b);
        if (pa != pb) return Integer.compare(pb, pa);
        if (ca == null && cb == null) return Integer.compare(number(a), number(b));
        if (ca == null || cb == null) return ca == null ? 1 : -1;
        boolean ha = ca.canHostResources();
        boolean hb = cb.canHostResources();
        if (ha != hb) return ha ? -1 : 1;
        boolean fa = failed(a);
        boolean fb = failed(b);
        if (fa != fb) return fa ? 1 : -1;
        return Integer.compare(number(a), number(b));
    }

    private static int anchorPriority(Rsc inst) {
        return inst.priority;
    }

    /** The instance's current node if its scores still allow it there, else null. */
    private static NodeView allowedCurrent(Rsc inst) {
        NodeView current = location(inst);
        Rsc anchor = anchor(inst);
        if (current == null || anchor == null) return null;
        Integer score = anchor.scores.get(current);
        return score == null || score < 0 ? null : current;
    }

    private static List<NodeView> activeNodes(Rsc inst) {
        List<NodeView> out = new ArrayList<>();
        for (Rsc p : inst.primitives()) for (NodeView n : p.runningOn) if (!out.contains(n)) out.add(n);
        return out;
    }

    private static NodeView location(Rsc inst) {
        List<NodeView> nodes = activeNodes(inst);
        return nodes.isEmpty() ? null : nodes.get(0);
    }

    private static boolean failed(Rsc inst) {
        return inst.primitives().stream().anyMatch(p -> p.failed);
    }

    private static Rsc anchor(Rsc inst) {
        List<Rsc> primitives = inst.primitives();
        return primitives.isEmpty() ? null : primitives.get(0);
    }

    private static int number(Rsc inst) {
        int colon = inst.id.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(inst.id.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
