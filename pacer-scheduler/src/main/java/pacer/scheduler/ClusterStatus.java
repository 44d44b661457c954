package pacer.scheduler;

import java.util.List;

/**
 * The cluster's current state as status tools show it (crm_mon, pcs status): each node's state
 * and each resource instance's role and where it is active. Immutable; made from a scheduler run.
 */
public record ClusterStatus(List<NodeStatus> nodes, List<ResourceStatus> resources) {
    public ClusterStatus {
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
    }

    /** One node as crm_mon's XML describes it. */
    public record NodeStatus(String name, String id, boolean online, boolean standby, boolean maintenance,
                             boolean pending, boolean unclean, boolean shutdown, boolean expectedUp, boolean dc,
                             int resourcesRunning) {
    }

    /**
     * One primitive (or clone instance) as crm_mon's XML describes it.
     *
     * @param parent the group or clone it belongs to, or empty
     * @param role the current role ({@code Started}, {@code Stopped}, {@code Promoted}...)
     * @param nodes where it is active
     */
    public record ResourceStatus(String id, String agent, String parent, String role, String targetRole,
                                 boolean orphaned, boolean blocked, boolean managed, boolean failed,
                                 List<String> nodes) {
        public ResourceStatus {
            nodes = List.copyOf(nodes);
        }

        public boolean active() { return !nodes.isEmpty(); }
    }
}
