package pacer.scheduler;

import java.util.Map;

/**
 * Per-node instance attributes of a working resource, resolved with the node's attributes for
 * rules. Set up by the scheduler before placement; read by digest checks and the graph.
 */
final class WorkingSetAccess {
    private WorkingSetAccess() {}

    static Map<String, String> instance(Rsc r, NodeView node) {
        if (r.resolver == null) return r.params;
        return r.resolver.resolve(r.config.instance(), node == null ? Map.of() : node.attributes,
                r.isPrimitive() ? r.primitive() : null);
    }
}
