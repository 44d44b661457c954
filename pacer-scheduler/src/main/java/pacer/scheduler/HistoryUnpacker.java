package pacer.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import pacer.cib.ClusterOption;
import pacer.cib.LrmOperation;
import pacer.cib.LrmResource;
import pacer.cib.Operation;
import pacer.cib.Role;

/**
 * Reads one resource's operation history on one node, in call-id order, into a
 * {@link NodeHistory}: the role the resource has there, and the most severe failure still in
 * force with its {@code on-fail} handling. Failures older than {@code failure-timeout} are expired.
 */
final class HistoryUnpacker {
    static final int OCF_OK = 0;
    static final int OCF_NOT_RUNNING = 7;
    static final int OCF_RUNNING_PROMOTED = 8;
    static final int OCF_FAILED_PROMOTED = 9;

    private final Options options;
    private final Instant now;
    /** Whether fencing is enabled and some fence device is configured. */
    private final boolean canFence;

    HistoryUnpacker(Options options, Instant now, boolean canFence) {
        this.options = options;
        this.now = now;
        this.canFence = canFence;
    }

    NodeHistory unpack(Rsc rsc, NodeView node, LrmResource lrm) {
        NodeHistory h = new NodeHistory(node);
        List<LrmOperation> ops = new ArrayList<>(lrm.operations());
        // Entries with the same call id (an op and its last_failure copy): the newer result last.
        ops.sort(Comparator.comparingLong(HistoryUnpacker::sortKey).thenComparingLong(LrmOperation::lastRcChange));
        for (LrmOperation op : ops) apply(rsc, h, op);
        return h;
    }

    private static long sortKey(LrmOperation op) {
        return op.callId() < 0 ? Long.MAX_VALUE : op.callId();
    }

    private void apply(Rsc rsc, NodeHistory h, LrmOperation op) {
        String task = op.operation();
        if (task.equals("notify") || task.equals("meta-data") || task.equals("cancel")) return;
        boolean probe = task.equals("monitor") && op.intervalMs() == 0;
        if (probe) h.probed = true;
        if (op.isPending()) {
            h.pending = op;
            switch (task) {
                case "start" -> {
                    raise(h, Role.STARTED);
                    h.lastDefiningOp = op;
                }
                case "migrate_from", "migrate_to", "stop" -> raise(h, Role.STARTED);
                case "promote" -> raise(h, Role.PROMOTED);
                case "demote" -> h.role = Role.PROMOTED;
                default -> { }
            }
            return;
        }
        if (op.opStatus() == 1) return; // cancelled
        int rc = op.rcCode();
        if (rc == 190) rc = OCF_OK;          // degraded: running, but reported as such
        if (rc == 191) rc = OCF_RUNNING_PROMOTED;
        int expected = expectedRc(op);
        if (op.isRecurring()) h.recurring.add(op);
        // An "error" status with the expected exit code is a success: old controllers recorded
        // probes that found nothing this way.
        boolean done = op.opStatus() == 0 || op.opStatus() == 4;
        boolean success = done && (rc == expected || (probe && (rc == OCF_OK || rc == OCF_NOT_RUNNING
                || rc == OCF_RUNNING_PROMOTED)));
        if (!success && done && task.equals("monitor") && rc == OCF_RUNNING_PROMOTED) success = true;
        if (success) {
            succeeded(h, task, rc, op);
            return;
        }
        if (expired(rsc, op)) return;
        failed(rsc, h, op, task, rc);
    }

    private void succeeded(NodeHistory h, String task, int rc, LrmOperation op) {
        if (rc == OCF_NOT_RUNNING && !task.equals("monitor")) {
            // "not running" was the expected answer: whatever the operation, it is not running.
            h.role = Role.STOPPED;
            clearFailure(h);
            return;
        }
        switch (task) {
            case "start" -> {
                h.role = Role.STARTED;
                h.lastDefiningOp = op;
                clearFailure(h);
            }
            case "reload", "reload-agent" -> {
                h.role = Role.STARTED;
                h.lastDefiningOp = op;
            }
            case "stop" -> {
                h.role = Role.STOPPED;
                clearFailure(h);
            }
            case "promote" -> {
                h.role = Role.PROMOTED;
                clearFailure(h);
            }
            case "demote" -> {
                h.role = Role.UNPROMOTED;
                clearFailure(h);
            }
            case "migrate_from" -> {
                h.role = Role.STARTED;
                h.lastDefiningOp = op;
                clearFailure(h);
            }
            case "migrate_to" -> h.role = Role.STARTED;
            case "monitor" -> {
                // The same recurring monitor succeeding later: the resource recovered by itself.
                if (op.isRecurring() && h.failure != null && h.failure.operation().equals("monitor")
                        && h.failure.intervalMs() == op.intervalMs()) {
                    clearFailure(h);
                }
                if (rc == OCF_NOT_RUNNING) {
                    h.role = Role.STOPPED;
                    clearFailure(h);
                } else if (rc == OCF_RUNNING_PROMOTED) {
                    h.role = Role.PROMOTED;
                } else if (h.role.compareTo(Role.STARTED) < 0 || h.role == Role.UNKNOWN) {
                    h.role = Role.STARTED;
                }
                if (op.intervalMs() == 0 && rc != OCF_NOT_RUNNING && h.lastDefiningOp == null) h.lastDefiningOp = op;
            }
            default -> { }
        }
    }

    private static void clearFailure(NodeHistory h) {
        if (h.onFail != OnFail.STOP && h.onFail != OnFail.FENCE && h.onFail != OnFail.STANDBY) {
            h.onFail = OnFail.IGNORE;
            h.failure = null;
        }
    }

    private void failed(Rsc rsc, NodeHistory h, LrmOperation op, String task, int rc) {
        OnFail onFail = onFail(rsc, op, task);
        boolean hard = op.opStatus() == 5 || op.opStatus() == 6 || op.opStatus() == 7;
        // on-fail=ignore does not cover an execution the executor itself failed hard (agent not installed...).
        if (onFail == OnFail.IGNORE && hard && !(task.equals("monitor") && op.intervalMs() == 0)) onFail = OnFail.RESTART;
        if (onFail == OnFail.IGNORE) {
            h.failureIgnored = true;
            succeeded(h, task, OCF_OK, op);
            return;
        }
        boolean probe = task.equals("monitor") && op.intervalMs() == 0;
        // Invalid arguments, unimplemented, insufficient privileges, not installed: this node cannot run it.
        // (An unimplemented recurring action is only "not supported": a soft failure.)
        boolean unsupportedRecurring = rc == 3 && op.intervalMs() > 0;
        if (((rc >= 2 && rc <= 5) && !unsupportedRecurring) || op.opStatus() == 7 || op.opStatus() == 5) h.hardBan = true;
        if (rc == 6 || op.opStatus() == 6) h.fatal = true;
        if (probe && rc == 5) {
            h.role = Role.STOPPED;
            return;
        }
        switch (task) {
            case "stop" -> h.role = Role.STARTED;
            case "promote" -> h.role = Role.PROMOTED;
            // A failed demote leaves it unpromoted (recovery stops it), unless on-fail=block keeps it as it is.
            case "demote" -> h.role = onFail == OnFail.BLOCK ? Role.PROMOTED : rc == 7 ? Role.STOPPED : Role.UNPROMOTED;
            case "monitor" -> {
                if (rc == OCF_RUNNING_PROMOTED || rc == OCF_FAILED_PROMOTED) h.role = Role.PROMOTED;
                else raise(h, Role.STARTED);
            }
            default -> raise(h, Role.STARTED);
        }
        if (onFail.ordinal() >= h.onFail.ordinal()) {
            h.onFail = onFail;
            h.failure = op;
        }
    }

    private static void raise(NodeHistory h, Role r) {
        if (h.role == Role.UNKNOWN || h.role.compareTo(r) < 0) h.role = r;
    }

    private boolean expired(Rsc rsc, LrmOperation op) {
        if (rsc.failureTimeoutMs <= 0) return false;
        long last = op.lastRcChange() > 0 ? op.lastRcChange()
                : Long.parseLong(op.attribute("last-run").orElse("0"));
        return last > 0 && now.getEpochSecond() >= last + rsc.failureTimeoutMs / 1000;
    }

    private OnFail onFail(Rsc rsc, LrmOperation op, String task) {
        Optional<Operation> configured = rsc.isPrimitive() ? rsc.primitive().operations().stream()
                .filter(o -> o.name().equals(task) && o.intervalMs() == op.intervalMs()).findFirst() : Optional.empty();
        OnFail fallback = OnFail.RESTART;
        if (task.equals("stop")) fallback = canFence ? OnFail.FENCE : OnFail.BLOCK;
        OnFail v = OnFail.parse(configured.flatMap(o -> o.attribute("on-fail")).orElse(null), fallback);
        if (v == OnFail.FENCE && !canFence) v = OnFail.BLOCK;
        return v;
    }

    /** The rc the controller expected, from the transition key ({@code action:transition:rc:uuid}). */
    static int expectedRc(LrmOperation op) {
        Optional<String> key = op.attribute("transition-key");
        if (key.isPresent()) {
            String[] parts = key.get().split(":");
            if (parts.length >= 3) {
                try {
                    return Integer.parseInt(parts[2]);
                } catch (NumberFormatException e) {
                    return OCF_OK;
                }
            }
        }
        return OCF_OK;
    }

    /** Whether this run treats start failures as fatal (fail-count set to INFINITY by the controller). */
    boolean startFailureIsFatal() { return options.flag(ClusterOption.START_FAILURE_IS_FATAL); }
}
