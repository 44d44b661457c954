package pacer.scheduler;

/** Where a clone instance (a primitive or a cloned group) runs now and where it is placed. */
final class InstanceNodes {
    private InstanceNodes() {}

    /** The node the instance is active on now (its first active primitive's), or null. */
    static NodeView current(Rsc instance) {
        for (Rsc p : instance.primitives()) if (p.isActive()) return p.currentNode();
        return null;
    }

    /** The node the instance is placed on (its first primitive's), or null. */
    static NodeView next(Rsc instance) {
        for (Rsc p : instance.primitives()) {
            return p.unassignedReason == null ? p.assigned : null;
        }
        return null;
    }
}
