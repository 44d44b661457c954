package pacer.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.Role;
import pacer.cib.Score;

/**
 * Chooses which instances of a promotable clone are promoted, as part of placing the clone:
 * <ol>
 *   <li>before the instances are placed ({@link #addPromotionScores}): each (primitive) instance's
 *       positive promotion score is added to its node scores, and its highest promotion score becomes its
 *       priority (instances more eager to be promoted are placed first);</li>
 *   <li>after they are placed ({@link #chooseRoles}): each placed instance gets a promotion
 *       priority: its promotion score on its node (-1 when it has none, so that location
 *       constraints alone can make it eligible; -INFINITY with target-role Unpromoted), plus the
 *       Promoted-role location constraints for that node, plus its role-based colocations
 *       ({@link PromotionColocations}). The non-negative priorities are then added to the clone's
 *       own node scores (its location preferences and its dependents'), together with the
 *       preferences of the resources colocated with its promoted role; an eligible instance's final
 *       priority is the resulting score of its node;</li>
 *   <li>instances are taken by final priority (then the higher current role, then the clone's
 *       usual instance order) and the first eligible ones are promoted, at most
 *       {@code promoted-max} in all and {@code promoted-node-max} per node; the others that are
 *       placed stay (or become) unpromoted.</li>
 * </ol>
 * The chosen role is stored as {@link Rsc#nextRole} on the instance and its primitives.
 */
final class Promotion {
    private final WorkingSet ws;
    private final Placement placement;
    private final CloneAssigner clones;
    private final PromotionColocations colocations;
    /** Per clone: its own node scores, taken before promotion scores were added. */
    private final Map<Rsc, Map<NodeView, Integer>> cloneScores = new HashMap<>();
    /** Per instance: its priority before promotion scores raised it. */
    private final Map<Rsc, Integer> savedPriority = new HashMap<>();

    Promotion(WorkingSet ws, Placement placement, CloneAssigner clones) {
        this.ws = ws;
        this.placement = placement;
        this.clones = clones;
        this.colocations = new PromotionColocations(placement);
    }

    /** Before placement: promotion scores raise node scores and instance priorities. */
    void addPromotionScores(Rsc clone) {
        cloneScores.put(clone, baseScores(clone));
        for (Rsc inst : clone.children) {
            List<Rsc> primitives = inst.primitives();
            if (inst.orphan || primitives.isEmpty()) continue;
            Rsc anchor = primitives.get(0);
            savedPriority.put(inst, inst.priority);
            for (NodeView n : new ArrayList<>(anchor.scores.keySet())) {
                if (!n.canHostResources()) continue;
                Integer score = PromotionScores.promotionScore(inst, n);
                if (score == null) continue;
                // A cloned group keeps them on the group: they order its instances, not its members.
                if (score > 0 && inst.isPrimitive()) anchor.scores.put(n, Score.add(anchor.scores.get(n), score));
                if (score > inst.priority) inst.priority = score;
            }
        }
    }

    /**
     * The clone's own node scores: on each node, the lowest score of the instances not active
     * there (so without stickiness, but with any ban of one instance), or of all when every
     * instance is active there.
     */
    private static Map<NodeView, Integer> baseScores(Rsc clone) {
        Map<NodeView, Integer> out = new LinkedHashMap<>();
        Map<NodeView, Integer> fallback = new LinkedHashMap<>();
        for (Rsc p : clone.primitives()) {
            if (p.orphan || CloneInstances.instanceOf(p).primitives().get(0) != p) continue;
            for (Map.Entry<NodeView, Integer> e : p.scores.entrySet()) {
                fallback.merge(e.getKey(), e.getValue(), Math::min);
                if (!p.runningOn.contains(e.getKey())) out.merge(e.getKey(), e.getValue(), Math::min);
            }
        }
        fallback.forEach(out::putIfAbsent);
        return out;
    }

    /** After placement: chooses the promoted instances and sets every instance's next role. */
    void chooseRoles(Rsc clone) {
        Map<Rsc, Integer> priority = new HashMap<>();
        for (Rsc inst : clone.children) {
            NodeView node = PromotionScores.chosenNode(inst);
            if (node == null) continue;
            priority.put(inst, instancePriority(clone, inst, node));
        }
        Map<NodeView, Integer> table = new LinkedHashMap<>(cloneScores.getOrDefault(clone, Map.of()));
        colocations.mergeDependents(clone, table, false);
        for (Rsc inst : clone.children) {
            Integer p = priority.get(inst);
            NodeView node = PromotionScores.chosenNode(inst);
            if (p == null || p < 0 || node == null) continue;
            table.put(node, Score.add(table.getOrDefault(node, 0), p));
        }
        colocations.mergeDependents(clone, table, true);
        if (PromotionScores.promotionTicketMissing(ws, clone)) table.replaceAll((n, v) -> -Score.INFINITY);
        Map<Rsc, Integer> fin = new HashMap<>();
        boolean frozen = PromotionScores.promotionFrozen(ws, clone);
        for (Rsc inst : clone.children) {
            NodeView node = PromotionScores.chosenNode(inst);
            Integer p = priority.get(inst);
            int value;
            boolean fixed = !managed(inst) || frozen && PromotionScores.currentRoleOfInstance(inst) == Role.PROMOTED;
            if (fixed && PromotionScores.currentRoleOfInstance(inst) == Role.PROMOTED) value = Score.INFINITY;
            else if (node == null || p == null) value = -Score.INFINITY;
            else if (p < 0) value = p;
            else value = table.getOrDefault(node, 0);
            fin.put(inst, value);
        }
        List<Rsc> order = new ArrayList<>(clone.children);
        order.sort((a, b) -> {
            int c = Integer.compare(fin.get(b), fin.get(a));
            if (c != 0) return c;
            c = PromotionScores.currentRoleOfInstance(b).compareTo(PromotionScores.currentRoleOfInstance(a));
            return c != 0 ? c : clones.compare(a, b);
        });
        assignRoles(clone, order, fin, priority, frozen);
        for (Map.Entry<Rsc, Integer> e : savedPriority.entrySet()) {
            if (e.getKey().parent == clone) e.getKey().priority = e.getValue();
        }
    }

    private void assignRoles(Rsc clone, List<Rsc> order, Map<Rsc, Integer> fin, Map<Rsc, Integer> priority,
                             boolean frozen) {
        int max = PromotionScores.promotedMax(clone);
        int nodeMax = PromotionScores.promotedNodeMax(clone);
        boolean cloneManaged = clone.managed;
        Map<NodeView, Integer> perNode = new HashMap<>();
        int promoted = 0;
        for (Rsc inst : order) {
            NodeView node = null;
            if (fin.get(inst) >= 0 && (promoted < max || !cloneManaged)) {
                node = promotableOn(inst, priority.get(inst), perNode, nodeMax, frozen);
            }
            boolean freeze = !ws.haveQuorum && ws.options.noQuorumPolicy().equals("freeze");
            if (node != null && freeze && PromotionScores.currentRoleOfInstance(inst) != Role.PROMOTED) node = null;
            if (node == null) {
                setRole(inst, Role.UNPROMOTED);
                continue;
            }
            perNode.merge(node, 1, Integer::sum);
            promoted++;
            setRole(inst, Role.PROMOTED);
        }
    }

    /** The node the instance can be promoted on, or null (unplaced, unmanaged, ineligible, node full). */
    private NodeView promotableOn(Rsc inst, Integer priority, Map<NodeView, Integer> perNode, int nodeMax,
                                  boolean frozen) {
        NodeView node = PromotionScores.chosenNode(inst);
        if (node == null) return null;
        boolean managed = managed(inst) && !(frozen && PromotionScores.currentRoleOfInstance(inst) == Role.PROMOTED);
        if (!managed) {
            return PromotionScores.currentRoleOfInstance(inst) == Role.PROMOTED ? node : null;
        }
        if (priority == null || priority < 0 || !node.canHostResources()) return null;
        if (perNode.getOrDefault(node, 0) >= nodeMax) return null;
        return node;
    }

    private static boolean managed(Rsc inst) {
        return inst.primitives().stream().allMatch(p -> p.managed);
    }

    /** Sets the next role of an instance and its members (stopped where a member is not placed). */
    private static void setRole(Rsc inst, Role role) {
        inst.nextRole = role;
        for (Rsc p : inst.primitives()) {
            p.nextRole = p.assigned == null || p.unassignedReason != null ? Role.STOPPED : role;
        }
    }

    /** The instance's promotion priority before the clone's node scores are considered. */
    private int instancePriority(Rsc clone, Rsc inst, NodeView node) {
        int p;
        if (inst.primitives().stream().anyMatch(m -> m.targetRole == Role.UNPROMOTED || m.targetRole == Role.STOPPED)) {
            p = -Score.INFINITY;
        } else {
            Integer score = PromotionScores.promotionScore(inst, node);
            p = score == null ? -1 : score;
        }
        p = Score.add(p, PromotionScores.promotedLocationScore(inst, node));
        return colocations.applyToPriority(clone, inst, node, p);
    }
}
