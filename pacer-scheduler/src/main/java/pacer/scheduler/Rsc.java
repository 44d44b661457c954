package pacer.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.Primitive;
import pacer.cib.Resource;
import pacer.cib.Role;
import pacer.cib.Score;

/**
 * The scheduler's working copy of one resource (or clone instance) for one run: resolved
 * meta-attributes and parameters, where it runs now (unpacked from the operation history), and
 * where it should run (placement). Owned by the single scheduler call that built it.
 */
final class Rsc {
    final String id;
    final Resource config;
    final Rsc parent;
    final List<Rsc> children = new ArrayList<>();
    /** Position in configuration order, for stable sorting and summary order. */
    final int order;
    Map<String, String> meta = Map.of();
    Map<String, String> params = Map.of();
    /** What it needs of a node's capacity (utilization), by attribute. */
    Map<String, Integer> utilization = Map.of();
    /** Resolves per-node attribute blocks (rules may test node attributes). */
    AttributeResolver resolver;

    boolean managed = true;
    boolean orphan;
    boolean failed;
    boolean blocked;
    /** Blocked because an operation failed with on-fail=block (a failed stop without fencing...). */
    boolean blockedByFailure;
    int priority;
    int stickiness;
    int migrationThreshold = Score.INFINITY;
    long failureTimeoutMs;
    Role targetRole = Role.UNKNOWN;

    /** Current role, the highest found on any node. */
    Role role = Role.STOPPED;
    /** Nodes where the history says the resource is active, in the order found. */
    final List<NodeView> runningOn = new ArrayList<>();
    /** Per node: what the operation history says. */
    final Map<NodeView, NodeHistory> history = new LinkedHashMap<>();
    /** The name the status knows this resource by, when it differs from {@link #id} (anonymous clones). */
    String historyId;

    /** Allowed nodes and their scores (placement input and output). */
    final Map<NodeView, Integer> scores = new LinkedHashMap<>();
    /** Scores of location constraints limited to the Promoted role (promotion priority, not placement). */
    final Map<NodeView, Integer> promotedScores = new LinkedHashMap<>();
    NodeView assigned;
    boolean assignedDone;
    boolean assigning;
    /** Whether placement found no node because of a colocation with a primary that has none. */
    String unassignedReason;
    Role nextRole = Role.UNKNOWN;

    Rsc(String id, Resource config, Rsc parent, int order) {
        this.id = id;
        this.config = config;
        this.parent = parent;
        this.order = order;
    }

    boolean isPrimitive() { return config.kind() == Resource.Kind.PRIMITIVE; }

    Primitive primitive() { return (Primitive) config; }

    boolean isFencingDevice() { return isPrimitive() && primitive().isFencingDevice(); }

    /** The only node it runs on, or the first of several, or null. */
    NodeView currentNode() { return runningOn.isEmpty() ? null : runningOn.get(0); }

    boolean isActive() { return !runningOn.isEmpty(); }

    /** The outermost ancestor (the resource itself when top-level). */
    Rsc top() {
        Rsc r = this;
        while (r.parent != null) r = r.parent;
        return r;
    }

    /** Every primitive at or below this resource, in configuration order. */
    List<Rsc> primitives() {
        List<Rsc> out = new ArrayList<>();
        if (isPrimitive()) out.add(this);
        for (Rsc c : children) out.addAll(c.primitives());
        return out;
    }

    int score(NodeView n) { return scores.getOrDefault(n, -Score.INFINITY); }

    @Override public String toString() { return id; }
}
