package pacer.scheduler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pacer.cib.Resource;
import pacer.cib.Role;
import pacer.cib.Score;

/**
 * How colocations weigh on the choice of promoted instances:
 * <ul>
 *   <li>a colocation whose dependent is the promotable clone limited to a role ({@code rsc-role}
 *       Promoted or Unpromoted) changes each placed instance's promotion priority: with a
 *       promotable primary in a given role, a Promoted dependent gains the score where a primary
 *       instance in that role is placed on its node (with a mandatory one and none there, it
 *       cannot be promoted); otherwise, where the primary is (in the required role), a Promoted
 *       dependent gains the score and an Unpromoted one loses it, and a mandatory Promoted
 *       dependent whose node does not match cannot be promoted;</li>
 *   <li>resources colocated with the clone add their node preferences (scaled by score/INFINITY,
 *       never turning a node negative) to the clone's node scores; those colocated with its
 *       Promoted role count once more when the promoted instances are chosen.</li>
 * </ul>
 */
final class PromotionColocations {
    private final Placement placement;

    PromotionColocations(Placement placement) {
        this.placement = placement;
    }

    /** Whether a colocation role limits the colocation (Started means any role). */
    static boolean hasRole(Role r) {
        return r == Role.PROMOTED || r == Role.UNPROMOTED;
    }

    /** The priority after the role-based colocations whose dependent is the clone (or the instance). */
    int applyToPriority(Rsc clone, Rsc inst, NodeView node, int priority) {
        List<Colocation> list = new ArrayList<>(placement.colocationsOf(clone));
        for (Rsc p : inst.primitives()) list.addAll(placement.colocationsOf(p));
        int p = priority;
        for (Colocation c : list) {
            if (!hasRole(c.dependentRole())) continue;
            p = apply(c, node, p);
        }
        return p;
    }

    private int apply(Colocation c, NodeView node, int priority) {
        Rsc primary = c.primary();
        boolean mandatory = c.score() >= Score.INFINITY;
        if (PromotionScores.isPromotable(primary) && hasRole(c.primaryRole()) && c.dependentRole() == Role.PROMOTED) {
            for (Rsc pi : primary.children) {
                NodeView pn = PromotionScores.chosenNode(pi);
                if (pn != null && pi.nextRole == c.primaryRole() && PromotionScores.sameLocation(pn, node, c.nodeAttribute())) {
                    return Score.add(priority, c.score());
                }
            }
            return mandatory ? -Score.INFINITY : priority;
        }
        if (primary.config.kind() == Resource.Kind.CLONE) {
            if (mandatory) return priority;
            int p = priority;
            for (Rsc pi : primary.children) p = Score.add(p, delta(c, node, pi));
            return p;
        }
        return Score.add(priority, delta(c, node, primary));
    }

    /** The change to a dependent's priority on {@code node} from one primary (instance or resource). */
    private static int delta(Colocation c, NodeView node, Rsc target) {
        Rsc anchor = target.isPrimitive() ? target : firstPrimitive(target);
        NodeView tn = anchor == null || anchor.unassignedReason != null ? null : anchor.assigned;
        if (tn != null && hasRole(c.primaryRole())) {
            Role role = target.isPrimitive() ? PromotionScores.nextRole(target) : target.nextRole;
            if (role != c.primaryRole()) return 0;
        }
        boolean match = tn != null && PromotionScores.sameLocation(node, tn, c.nodeAttribute());
        if (!match) {
            return c.score() >= Score.INFINITY && c.dependentRole() == Role.PROMOTED ? -Score.INFINITY : 0;
        }
        return c.dependentRole() == Role.UNPROMOTED ? -c.score() : c.score();
    }

    private static Rsc firstPrimitive(Rsc r) {
        List<Rsc> ps = r.primitives();
        return ps.isEmpty() ? null : ps.get(0);
    }

    /**
     * Adds the preferences of the resources colocated with the clone (only those with its Promoted
     * role when {@code promotedOnly}) to the clone's node scores.
     */
    void mergeDependents(Rsc clone, Map<NodeView, Integer> table, boolean promotedOnly) {
        for (Colocation c : placement.colocationsWith(clone)) {
            if (!c.influence()) continue;
            if (promotedOnly && c.primaryRole() != Role.PROMOTED) continue;
            Rsc d = c.dependent();
            if (PromotionScores.promotableClone(d) == clone || d == clone) continue;
            merge(table, d, c);
        }
    }

    /** Pacemaker's "add only positive" merge of one dependent's scores, rolled back if nothing stays usable. */
    private static void merge(Map<NodeView, Integer> table, Rsc d, Colocation c) {
        double factor = c.score() / (double) Score.INFINITY;
        Map<NodeView, Integer> work = new java.util.LinkedHashMap<>(table);
        Set<NodeView> unusable = new HashSet<>();
        for (Map.Entry<NodeView, Integer> e : work.entrySet()) {
            int score = best(d, e.getKey(), c.nodeAttribute());
            int old = e.getValue();
            if (factor < 0 && score < 0) continue;
            double f = factor * score;
            int delta = (int) (f < 0 ? f - 0.5 : f + 0.5);
            if (delta == 0 && score != 0) delta = factor > 0 ? 1 : factor < 0 ? -1 : 0;
            int updated = Score.add(delta, old);
            if (updated < 0 && old > 0) {
                unusable.add(e.getKey());
                continue;
            }
            if (updated < 0 && old == 0) continue;
            e.setValue(updated);
        }
        boolean any = work.entrySet().stream()
                .anyMatch(e -> e.getValue() >= 0 && e.getKey().canHostResources() && !unusable.contains(e.getKey()));
        if (!any) return;
        for (NodeView n : unusable) work.put(n, 1);
        table.putAll(work);
    }

    /** The dependent's best score among available nodes sharing {@code node}'s attribute value. */
    private static int best(Rsc d, NodeView node, String attribute) {
        Rsc anchor = d.isPrimitive() ? d : firstPrimitive(d);
        if (anchor == null) return -Score.INFINITY;
        int best = -Score.INFINITY;
        for (Map.Entry<NodeView, Integer> e : anchor.scores.entrySet()) {
            NodeView n = e.getKey();
            if (e.getValue() > best && n.canHostResources() && PromotionScores.sameLocation(n, node, attribute)) {
                best = e.getValue();
            }
        }
        return best;
    }
}
