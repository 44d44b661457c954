package pacer.scheduler;

import java.util.List;
import pacer.cib.BooleanValue;
import pacer.cib.Clone;
import pacer.cib.Resource;
import pacer.cib.Role;
import pacer.cib.Score;

/**
 * The inputs to choosing a promotable clone's promoted instances that come from the
 * configuration and the node attributes, and the role vocabulary the other promotion classes
 * share:
 * <ul>
 *   <li>whether a clone is promotable ({@code <master>}, or meta {@code promotable=true}), and its
 *       limits {@code promoted-max} / {@code promoted-node-max} (old names {@code master-max} /
 *       {@code master-node-max}, both 1 by default);</li>
 *   <li>an instance's current role (an active instance of a promotable clone that is not
 *       promoted is unpromoted) and its next role;</li>
 *   <li>the promotion score of an instance on a node: the node attribute {@code master-<id>}
 *       (as written by {@code crm_master} / {@code crm_attribute --promotion}); for an anonymous
 *       clone also {@code master-<base id>}; for a cloned group the sum over its members. A score
 *       counts only where the instance's state is known (active or probed there, or nowhere known
 *       at all) and where the instance is allowed.</li>
 * </ul>
 */
final class PromotionScores {
    private PromotionScores() {}

    /** Whether {@code r} is a promotable clone. */
    static boolean isPromotable(Rsc r) {
        if (r == null || r.config.kind() != Resource.Kind.CLONE) return false;
        return ((Clone) r.config).promotable() || BooleanValue.parse(r.meta.get("promotable"), false);
    }

    /** The promotable clone {@code r} is part of (an instance or a member of one), or null. */
    static Rsc promotableClone(Rsc r) {
        Rsc instance = CloneInstances.instanceOf(r);
        return instance != null && isPromotable(instance.parent) ? instance.parent : null;
    }

    /** promoted-max (or master-max), 1 by default. */
    static int promotedMax(Rsc clone) {
        return intMeta(clone, "promoted-max", "master-max");
    }

    /** promoted-node-max (or master-node-max), 1 by default. */
    static int promotedNodeMax(Rsc clone) {
        return intMeta(clone, "promoted-node-max", "master-node-max");
    }

    private static int intMeta(Rsc clone, String name, String oldName) {
        String v = clone.meta.getOrDefault(name, clone.meta.get(oldName));
        if (v == null) return 1;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * The current role of a primitive as the scheduler reasons about it: stopped when inactive;
     * inside a promotable clone, an active instance that is not promoted is unpromoted.
     */
    static Role currentRole(Rsc p) {
        if (!p.isActive()) return Role.STOPPED;
        Role role = p.role;
        if (role == Role.UNKNOWN || role == Role.STOPPED) role = Role.STARTED;
        if (role == Role.STARTED && promotableClone(p) != null) return Role.UNPROMOTED;
        return role;
    }

    /** The highest current role of the primitives of an instance. */
    static Role currentRoleOfInstance(Rsc instance) {
        Role best = Role.STOPPED;
        for (Rsc p : instance.primitives()) {
            Role r = currentRole(p);
            if (r.compareTo(best) > 0) best = r;
        }
        return best;
    }

    /** The role a primitive goes to: as chosen by promotion, else started when placed. */
    static Role nextRole(Rsc p) {
        if (p.assigned == null || p.unassignedReason != null) return Role.STOPPED;
        if (p.nextRole != Role.UNKNOWN) return p.nextRole;
        return promotableClone(p) != null ? Role.UNPROMOTED : Role.STARTED;
    }

    /** The node the instance is placed on, if all its primitives are placed together. */
    static NodeView chosenNode(Rsc instance) {
        NodeView node = null;
        for (Rsc p : instance.primitives()) {
            NodeView n = p.unassignedReason == null ? p.assigned : null;
            if (n == null) return null;
            if (node == null) node = n;
        }
        return node;
    }

    /**
     * The promotion score of an instance on a node, or null when none is set (or none counts).
     * A cloned group's score is the sum of its members' (null only when no member has one).
     */
    static Integer promotionScore(Rsc instance, NodeView node) {
        Integer total = null;
        for (Rsc p : instance.primitives()) {
            Integer s = memberScore(p, node);
            if (s != null) total = total == null ? s : Score.add(total, s);
        }
        return total;
    }

    private static Integer memberScore(Rsc p, NodeView node) {
        if (!applies(p, node)) return null;
        String value = node.attributes.get("master-" + (p.historyId != null ? p.historyId : p.id));
        boolean anonymous = CloneInstances.anonymousClone(p) != null;
        if (value == null && anonymous) value = node.attributes.get("master-" + p.config.id());
        return value == null ? null : Score.parse(value, 0);
    }

    /**
     * Whether the primitive's promotion score on {@code node} counts: for an anonymous clone, when
     * this instance is the one active there, or no instance is active there but the resource was
     * probed there; otherwise when the instance is known nowhere, or known (active or probed) on
     * that node. Never where the instance is not allowed.
     */
    private static boolean applies(Rsc p, NodeView node) {
        Integer allowed = p.scores.get(node);
        if (allowed == null || allowed < 0) return false;
        Rsc clone = CloneInstances.anonymousClone(p);
        if (clone != null) {
            Rsc active = activeSibling(clone, p.config.id(), node);
            if (active == p) return true;
            if (active == null && knownByAnySibling(clone, p.config.id(), node)) return true;
        }
        if (p.runningOn.isEmpty() && p.history.isEmpty()) return true;
        return p.history.containsKey(node) || p.runningOn.contains(node);
    }

    private static Rsc activeSibling(Rsc clone, String baseId, NodeView node) {
        for (Rsc p : clone.primitives()) {
            if (p.config.id().equals(baseId) && p.runningOn.contains(node)) return p;
        }
        return null;
    }

    private static boolean knownByAnySibling(Rsc clone, String baseId, NodeView node) {
        for (Rsc p : clone.primitives()) {
            if (p.config.id().equals(baseId) && p.history.containsKey(node)) return true;
        }
        return false;
    }

    /** The sum of the Promoted-role location scores of the instance on the node (its first primitive's). */
    static int promotedLocationScore(Rsc instance, NodeView node) {
        List<Rsc> primitives = instance.primitives();
        if (primitives.isEmpty()) return 0;
        return primitives.get(0).promotedScores.getOrDefault(node, 0);
    }

    /**
     * Whether an {@code rsc_ticket} limited to the Promoted role names the clone (directly or in
     * a set) while its ticket is not granted or is in standby: then no instance may be promoted.
     */
    static boolean promotionTicketMissing(WorkingSet ws, Rsc clone) {
        return promotionTicket(ws, clone, false);
    }

    /**
     * Whether such a ticket was revoked with {@code loss-policy=freeze}: the promoted instances
     * are then left as they are.
     */
    static boolean promotionFrozen(WorkingSet ws, Rsc clone) {
        return promotionTicket(ws, clone, true);
    }

    private static boolean promotionTicket(WorkingSet ws, Rsc clone, boolean frozen) {
        for (pacer.cib.Constraint c : ws.cib.configuration().constraints()) {
            if (c.kind() != pacer.cib.Constraint.Kind.TICKET) continue;
            pacer.cib.TicketConstraint t = (pacer.cib.TicketConstraint) c;
            boolean names = t.resource().map(clone.id::equals).orElse(false)
                    && t.resourceRole().orElse(Role.UNKNOWN) == Role.PROMOTED;
            for (pacer.cib.ResourceSet set : t.sets()) {
                if (set.resources().contains(clone.id) && set.role().orElse(Role.UNKNOWN) == Role.PROMOTED) names = true;
            }
            if (!names) continue;
            if (frozen && t.lossPolicy().equalsIgnoreCase("freeze") && !ticketGranted(ws, t.ticket())) return true;
            if (!frozen && !ticketUsable(ws, t.ticket())) return true;
        }
        return false;
    }

    private static boolean ticketGranted(WorkingSet ws, String ticket) {
        for (pacer.cib.AttributeSet state : ws.cib.status().tickets()) {
            if (state.id().equals(ticket)) return pacer.cib.BooleanValue.parse(state.values().get("granted"), false);
        }
        return false;
    }

    private static boolean ticketUsable(WorkingSet ws, String ticket) {
        for (pacer.cib.AttributeSet state : ws.cib.status().tickets()) {
            if (!state.id().equals(ticket)) continue;
            return pacer.cib.BooleanValue.parse(state.values().get("granted"), false)
                    && !pacer.cib.BooleanValue.parse(state.values().get("standby"), false);
        }
        return false;
    }

    /** The nodes of the clone's placed instances whose next role is {@code role}. */
    static List<NodeView> nodesInRole(Rsc clone, Role role) {
        List<NodeView> out = new java.util.ArrayList<>();
        for (Rsc inst : clone.children) {
            NodeView n = chosenNode(inst);
            if (n != null && inst.nextRole == role && !out.contains(n)) out.add(n);
        }
        return out;
    }

    /** Whether the two nodes share the value of a colocation's node attribute. */
    static boolean sameLocation(NodeView a, NodeView b, String attribute) {
        if (a == null || b == null) return false;
        if (attribute == null || attribute.equals("#uname")) return a == b;
        String x = a.attributes.get(attribute);
        return x != null && x.equalsIgnoreCase(b.attributes.get(attribute));
    }
}
