package pacer.scheduler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduler's view of one node for one run: its state as unpacked from the CIB (online,
 * unclean, standby, ...) and the attributes rules see. Built once by {@link NodeUnpacker}, then
 * read; {@link #assignedCount} is the only field that changes during placement.
 */
final class NodeView {
    final String id;
    final String name;
    final String type;
    final int configScore;
    final Map<String, String> attributes = new LinkedHashMap<>();
    boolean online;
    boolean unclean;
    boolean pending;
    boolean standby;
    boolean maintenance;
    boolean shutdown;
    boolean unseen;
    boolean expectedUp;
    /** Why this node will be fenced, when it will. */
    String fenceReason;
    /** Utilization capacity (placement-strategy other than default), and what placement used of it. */
    final Map<String, Integer> capacity = new LinkedHashMap<>();
    final Map<String, Integer> used = new LinkedHashMap<>();
    /** How many resources placement put here so far (for balancing). */
    int assignedCount;
    /** The connection resource's id for a Pacemaker Remote or guest node; null for a cluster node. */
    String connectionId;
    /** The container resource's id for a guest (or bundle) node; null otherwise. */
    String containerId;
    /** A remote node to be fenced, or a guest whose container must be recovered ("remote reset"). */
    boolean remoteReset;
    /** Fencing this remote node is revoked if its connection can start somewhere. */
    boolean remoteRevocable;

    /** Whether this is a Pacemaker Remote or guest node (its state follows its connection). */
    boolean isRemote() { return connectionId != null; }

    /** Whether this is a guest node (it lives inside a container resource). */
    boolean isGuest() { return containerId != null; }

    NodeView(String id, String name, String type, int configScore) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.configScore = configScore;
    }

    /** Whether resources may be placed here at all (before scores). */
    boolean canHostResources() {
        return online && !unclean && !standby && !maintenance && !shutdown && !pending;
    }

    @Override public String toString() { return name; }
}
