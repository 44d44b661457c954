package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the "Transition Summary" lines as crm_simulate prints them: fencing first (newest
 * first), then one or more lines per primitive in configuration order, orphans last. Each line's
 * verb follows from where the resource is, where it goes, and which of its actions are required
 * or unrunnable; its reason is the "due to" text of the action that explains it.
 */
final class SummaryWriter {
    private final WorkingSet ws;
    private final ActionPlanner plan;
    private final List<String[]> rows = new ArrayList<>();

    SummaryWriter(WorkingSet ws, ActionPlanner plan) {
        this.ws = ws;
        this.plan = plan;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        List<Action> fences = new ArrayList<>(plan.fencing);
        java.util.Collections.reverse(fences);
        for (Action f : fences) {
            out.add("  * Fence (" + f.reason + ") " + GuestFencing.label(f.node) + " '" + f.fenceReason + "'");
        }
        List<Rsc> ordered = new ArrayList<>();
        for (Rsc top : ws.resources) ordered.addAll(top.primitives());
        for (Rsc r : Bundles.summaryOrder(ws, ordered)) primitive(r);
        for (Rsc r : ws.orphans) primitive(r);
        int w = 5;
        int d = 5;
        for (String[] row : rows) {
            if (row[1].length() > w) w = row[1].length() + 2;
            d = Math.max(d, row[2].length());
        }
        for (String[] row : rows) {
            String line = "  * " + pad(row[0], 8) + "   " + pad(row[1], w) + "   ( " + padLeft(row[2], d) + " )";
            if (!row[3].isEmpty()) line += "  " + row[3];
            out.add(line);
        }
        return out;
    }

    /**
     * Live migration instead of stop and start: the resource allows it (allow-migrate), runs on
     * exactly one healthy node, is not failed, and is not a clone instance.
     */
    private static boolean migratable(Rsc r, NodeView current, Action stop) {
        if (!pacer.cib.BooleanValue.parse(r.meta.get("allow-migrate"), false)) return false;
        if (r.runningOn.size() != 1 || !current.online || current.unclean) return false;
        if (stop == null || stop.pseudo || !stop.runnable) return false;
        for (Rsc p = r.parent; p != null; p = p.parent) {
            if (p.config.kind() == pacer.cib.Resource.Kind.CLONE) return false;
        }
        return true;
    }

    private static String pad(String s, int n) { return s.length() >= n ? s : s + " ".repeat(n - s.length()); }

    private static String padLeft(String s, int n) { return s.length() >= n ? s : " ".repeat(n - s.length()) + s; }

    private void row(String verb, Rsc r, String details, Action reasonSource, Action blockSource) {
        String reason = reasonSource == null ? null : reasonSource.reason;
        boolean blocked = blockSource != null && !blockSource.runnable;
        String suffix;
        if (reason != null) suffix = "due to " + reason + (blocked ? " (blocked)" : "");
        else suffix = blocked ? "blocked" : "";
        rows.add(new String[] {verb, r.id, details, suffix});
    }

    private void primitive(Rsc r) {
        if (!r.managed) return;
        if (PromotionSummary.handles(r)) {
            rows.addAll(new PromotionSummary(plan).rows(r));
            return;
        }
        NodeView current = r.currentNode();
        NodeView next = r.unassignedReason == null ? r.assigned : null;
        if (current == null && next == null) return;
        Action start = next == null ? null : plan.find(r, "start", next);
        if (current == null) {
            if (start != null && !start.optional) row("Start", r, next.name, start, start);
            return;
        }
        if (next == null || start == null || !start.runnable) {
            for (NodeView n : r.runningOn) {
                Action stop = plan.find(r, "stop", n);
                if (stop == null) continue;
                if (next == null && !"no quorum".equals(stop.reason)) stop.reason = "node availability";
                Action source = stop.reason != null ? stop : start;
                row("Stop", r, n.name, source, stop);
            }
            return;
        }
        Action stop = plan.find(r, "stop", current);
        if (current != next) {
            String verb = r.failed ? "Recover" : migratable(r, current, stop) ? "Migrate" : "Move";
            row(verb, r, current.name + " -> " + next.name, stop, stop);
            return;
        }
        if (start.optional) {
            if (DigestCheck.outcome(r, r.history.get(current)) == DigestCheck.Outcome.RELOAD) {
                row("Reload", r, current.name, null, null);
            }
            return;
        }
        if (r.failed) {
            row("Recover", r, current.name, stop, stop);
            return;
        }
        // A reload becomes a restart when something else requires the start (an ordering).
        boolean forced = start.reason != null && !start.reason.equals("resource definition change");
        if (DigestCheck.outcome(r, r.history.get(current)) == DigestCheck.Outcome.RELOAD && !forced
                && (stop == null || stop.reason == null || stop.reason.equals("resource definition change"))) {
            row("Reload", r, current.name, null, null);
            return;
        }
        row("Restart", r, current.name, start, start);
    }
}
