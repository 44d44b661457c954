package pacer.scheduler;

import pacer.cib.BooleanValue;
import pacer.cib.Resource;

/**
 * Maps the operation history of an anonymous clone's child to one of the clone's numbered
 * instances. An anonymous history's own instance number means nothing; the history on a node
 * belongs, in order of preference, to
 * <ol>
 *   <li>the instance already active on that node (for a cloned group: the group instance one of
 *       whose members is active there), unless that member is itself already active, which makes
 *       the history a duplicate;</li>
 *   <li>the lowest-numbered instance not active anywhere yet;</li>
 *   <li>a new "removed" (orphan) instance numbered after the existing ones, when every instance
 *       is taken, for duplicates, and for histories on lost nodes of a resource that does not
 *       need fencing (unless the clone runs an instance on every node).</li>
 * </ol>
 * Histories are mapped in the order they are read, so active instances take the lowest numbers.
 */
final class CloneInstances {
    private final WorkingSet ws;

    CloneInstances(WorkingSet ws) {
        this.ws = ws;
    }

    /** The anonymous clone {@code r} is (part of) an instance of, or null. */
    static Rsc anonymousClone(Rsc r) {
        Rsc clone = r.parent;
        while (clone != null && clone.config.kind() != Resource.Kind.CLONE) clone = clone.parent;
        if (clone == null || BooleanValue.parse(clone.meta.get("globally-unique"), false)) return null;
        return clone;
    }

    /** The instance (of {@code clone}, top-level child) that {@code r} belongs to. */
    static Rsc instanceOf(Rsc r) {
        Rsc instance = r;
        while (instance.parent != null && instance.parent.config.kind() != Resource.Kind.CLONE) {
            instance = instance.parent;
        }
        return instance.parent == null ? null : instance;
    }

    /**
     * The primitive that the history of {@code baseId} (the child's configured id) on {@code node}
     * belongs to.
     */
    Rsc instanceFor(Rsc clone, String baseId, NodeView node) {
        Rsc chosen = null;
        Rsc inactive = null;
        boolean skipInactive = false;
        for (Rsc instance : clone.children) {
            if (chosen != null) break;
            NodeView location = location(instance);
            if (location != null) {
                if (location != node) continue;
                Rsc member = member(instance, baseId);
                if (member != null && member.isActive()) {
                    // A second active history on the same node: a duplicate, never a free number.
                    skipInactive = true;
                } else {
                    chosen = member;
                }
            } else if (!skipInactive && inactive == null && !blocked(instance)) {
                inactive = member(instance, baseId);
            }
        }
        if (chosen == null && !skipInactive) chosen = inactive;
        if (chosen != null && (!node.online || node.unclean) && !needsFencing(chosen) && !universal(clone)) {
            chosen = null;
        }
        return chosen != null ? chosen : removedInstance(clone, baseId);
    }

    /** The first node any primitive of the instance is active on, or null. */
    private static NodeView location(Rsc instance) {
        for (Rsc p : instance.primitives()) if (p.isActive()) return p.currentNode();
        return null;
    }

    private static boolean blocked(Rsc instance) {
        return instance.primitives().stream().anyMatch(p -> p.blocked);
    }

    private static Rsc member(Rsc instance, String baseId) {
        for (Rsc p : instance.primitives()) if (p.config.id().equals(baseId)) return p;
        return null;
    }

    /** Whether the resource's {@code requires} is fencing (its default when fencing is enabled). */
    private boolean needsFencing(Rsc r) {
        String requires = r.meta.get("requires");
        if (requires == null) {
            return ws.options.fencingEnabled() && !r.isFencingDevice();
        }
        return requires.equals("fencing") || requires.equals("unfencing");
    }

    /** A clone with one instance for every node. */
    private boolean universal(Rsc clone) {
        return clone.children.stream().filter(c -> !c.orphan).count() == ws.nodes.size();
    }

    /** A new orphan instance of the clone, numbered after all existing ones. */
    private Rsc removedInstance(Rsc clone, String baseId) {
        ResourceUnpacker unpacker = new ResourceUnpacker(ws.cib.configuration(), ws.attributes, ws.options,
                ws.nodes.size());
        Rsc instance = unpacker.removedInstance(clone);
        unpacker.byId().forEach(ws.byId::putIfAbsent);
        return member(instance, baseId);
    }
}
