package pacer.scheduler;

/**
 * What placing a remote connection means for its node: a connection that will run makes its node
 * able to host resources in this transition (and revokes a fencing that only a lost connection
 * called for); a connection that will not run takes its node down.
 */
final class RemoteConnections {
    private final WorkingSet ws;

    RemoteConnections(WorkingSet ws) {
        this.ws = ws;
    }

    /** Called right after placement assigned (or failed to assign) connection {@code conn}. */
    void assigned(Rsc conn) {
        NodeView node = ws.node(conn.id);
        if (node == null || !conn.id.equals(node.connectionId)) return;
        boolean willRun = conn.assigned != null && conn.unassignedReason == null && conn.targetRole != pacer.cib.Role.STOPPED;
        if (willRun) {
            node.online = true;
            if (node.remoteRevocable || (node.unclean && node.fenceReason == null)) {
                node.unclean = false;
                node.remoteReset = false;
                node.fenceReason = null;
            }
        } else {
            node.shutdown = true;
        }
    }
}
