package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import pacer.cib.LrmOperation;
import pacer.cib.Role;

/**
 * What the operation history of one resource on one node says: its role there, whether it
 * failed and how the failure must be handled, and the entries that later checks need
 * (the last start's digests, the recurring monitors recorded).
 */
final class NodeHistory {
    final NodeView node;
    Role role = Role.UNKNOWN;
    OnFail onFail = OnFail.IGNORE;
    /** The failed operation that set {@link #onFail}, if any. */
    LrmOperation failure;
    /** The last successful operation that defines the running parameters (start, reload...). */
    LrmOperation lastDefiningOp;
    /** Whether any operation is still pending here. */
    LrmOperation pending;
    boolean probed;
    /** The history was recorded for another agent (class, provider or type changed since). */
    boolean agentChanged;
    /** A failure here was ignored (on-fail=ignore): then migration-threshold is ignored too. */
    boolean failureIgnored;
    /** A hard error that bans the resource from this node (not installed...). */
    boolean hardBan;
    /** A fatal error that bans the resource from every node. */
    boolean fatal;
    final List<LrmOperation> recurring = new ArrayList<>();

    NodeHistory(NodeView node) { this.node = node; }
}
