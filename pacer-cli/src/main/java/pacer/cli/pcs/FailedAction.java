package pacer.cli.pcs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import pacer.cib.Cib;
import pacer.cib.LrmOperation;
import pacer.cib.LrmResource;
import pacer.cib.NodeState;

/**
 * One line of crm_mon's "Failed Resource Actions": a failed operation as the status section records
 * it (the {@code RSC_last_failure_0} entry of an {@code lrm_resource}), with the texts crm_mon
 * gives its exit code and execution status. Dates are printed in UTC, as every Pacer view does.
 *
 * @param opKey Pacemaker's operation key, {@code RSC_OP_INTERVAL}
 * @param exitReason the agent's exit reason (may be empty)
 * @param lastRcChange when the result last changed (epoch seconds, 0 when unknown)
 */
record FailedAction(String resource, String node, String opKey, String task, long intervalMs, int rc, int opStatus,
                    int callId, String exitReason, long lastRcChange, long execMs, long queueMs) {
    /** ctime's layout, which crm_mon uses for dates: {@code Thu Aug  1 14:16:37 2019}. */
    static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter XML_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Every failure in the CIB's status, by node, then resource, then call id. */
    static List<FailedAction> in(Cib cib) {
        List<FailedAction> out = new ArrayList<>();
        for (NodeState n : cib.status().nodes()) {
            for (LrmResource r : n.resources()) {
                for (LrmOperation op : r.operations()) {
                    if (op.id().equals(r.id() + "_last_failure_0") && !op.isPending()) out.add(of(n.uname(), r.id(), op));
                }
            }
        }
        out.sort(Comparator.comparing(FailedAction::node).thenComparing(FailedAction::resource)
                .thenComparingInt(FailedAction::callId));
        return out;
    }

    private static FailedAction of(String node, String rsc, LrmOperation op) {
        return new FailedAction(rsc, node, op.attribute("operation_key").orElse(op.key(rsc)), op.operation(),
                op.intervalMs(), op.rcCode(), op.opStatus(), op.callId(), op.attribute("exit-reason").orElse(""),
                op.lastRcChange(), number(op, "exec-time"), number(op, "queue-time"));
    }

    private static long number(LrmOperation op, String name) {
        try {
            return Long.parseLong(op.attribute(name).orElse("0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** crm_mon's line: {@code d1 10s-interval monitor on n2 returned 'not running' (reason) at DATE after 12ms}. */
    String friendly() {
        StringBuilder b = new StringBuilder(resource).append(' ');
        if (intervalMs != 0) b.append(Intervals.readable(intervalMs)).append("-interval ");
        b.append(task.equals("monitor") && intervalMs == 0 ? "probe" : task).append(" on ").append(node);
        if (opStatus == 0) {
            b.append(" returned '").append(rcText()).append('\'');
            if (!exitReason.isEmpty()) b.append(" (").append(exitReason).append(')');
        } else {
            b.append(" could not be executed (").append(statusText());
            if (!exitReason.isEmpty()) b.append(": ").append(exitReason);
            b.append(')');
        }
        if (lastRcChange > 0) b.append(" at ").append(CTIME.format(Instant.ofEpochSecond(lastRcChange)));
        if (execMs > 0) b.append(" after ").append(Intervals.readable(execMs));
        return b.toString();
    }

    /** crm_mon --show-detail's line: {@code d1_monitor_10000 on n2 'not running' (7): call=4, status='complete', ...}. */
    String technical() {
        return opKey + " on " + node + " '" + rcText() + "' (" + rc + "): call=" + callId + ", status='" + statusText()
                + "', exitreason='" + exitReason + "', last-rc-change='" + CTIME.format(Instant.ofEpochSecond(lastRcChange))
                + "', queued=" + queueMs + "ms, exec=" + execMs + "ms";
    }

    /** The {@code last-rc-change} attribute of crm_mon's XML: {@code 2020-09-02 12:17:36 +00:00}. */
    String xmlDate() { return XML_DATE.format(Instant.ofEpochSecond(lastRcChange)); }

    /** Pacemaker's text for an OCF exit code. */
    String rcText() {
        return switch (rc) {
            case 0 -> "ok";
            case 1 -> "error";
            case 2 -> "invalid parameter";
            case 3 -> "unimplemented feature";
            case 4 -> "insufficient privileges";
            case 5 -> "not installed";
            case 6 -> "not configured";
            case 7 -> "not running";
            case 8 -> "promoted";
            case 9 -> "promoted (failed)";
            case 190 -> "degraded";
            case 191 -> "degraded promoted";
            default -> "unknown";
        };
    }

    /** Pacemaker's text for an execution status (op-status). */
    String statusText() {
        return switch (opStatus) {
            case -1 -> "pending";
            case 0 -> "complete";
            case 1 -> "Cancelled";
            case 2 -> "Timed Out";
            case 3 -> "NOT SUPPORTED";
            case 4 -> "Error";
            case 5 -> "Hard error";
            case 6 -> "Fatal error";
            case 7 -> "Not installed";
            case 8 -> "Internal communication failure";
            case 9 -> "Cannot execute now";
            case 10 -> "No fence device";
            default -> "Unknown";
        };
    }
}
