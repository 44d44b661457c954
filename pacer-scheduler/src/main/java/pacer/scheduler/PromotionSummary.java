package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import pacer.cib.Role;

/**
 * The Transition Summary lines of the primitives of promotable clones, whose current and next
 * roles both matter. The verb follows crm_simulate: with the role unchanged, Recover / Move /
 * Restart as for any resource (or Re-promote when only a demote and promote are required); with
 * a change, Stop (per active node), Recover, Move, Restart, then Demote or Promote, then Start.
 * The details show roles when the current role is above Started or the next one above Unpromoted
 * (see {@link #details}).
 */
final class PromotionSummary {
    private final ActionPlanner plan;

    PromotionSummary(ActionPlanner plan) {
        this.plan = plan;
    }

    /** Whether {@code r}'s lines are written here. */
    static boolean handles(Rsc r) {
        return r.isPrimitive() && PromotionScores.promotableClone(r) != null;
    }

    /** The rows (verb, id, details, reason suffix) for one primitive of a promotable clone. */
    List<String[]> rows(Rsc r) {
        List<String[]> rows = new ArrayList<>();
        if (!r.managed) return rows;
        NodeView current = r.currentNode();
        NodeView next = r.unassignedReason == null ? r.assigned : null;
        if (current == null && next == null) return rows;
        Role from = PromotionScores.currentRole(r);
        Role to = PromotionScores.nextRole(r);
        boolean moving = current != null && next != null && current != next;
        Action start = next == null ? null : plan.find(r, "start", next);
        Action stop = current == null ? null : plan.find(r, "stop", current);
        Action promote = next == null ? null : plan.find(r, "promote", next);
        Action demote = current == null ? null : plan.find(r, "demote", current);
        if (from == to) {
            if (next == null) return rows;
            if (reload(r, current) && (start == null || !start.optional)) {
                rows.add(row("Reload", r, from, to, current, next, start, null));
            } else if (start == null || start.optional) {
                if (demote != null && promote != null && !demote.optional && !promote.optional) {
                    rows.add(row("Re-promote", r, from, to, current, next, promote, demote));
                }
            } else if (!start.runnable) {
                Action source = stop == null || stop.reason == null ? start : stop;
                rows.add(row("Stop", r, from, to, current, null, stop, source));
            } else if (moving) {
                rows.add(row(r.failed ? "Recover" : "Move", r, from, to, current, next, stop, null));
            } else if (r.failed) {
                rows.add(row("Recover", r, from, to, current, null, stop, null));
            } else {
                rows.add(row("Restart", r, from, to, current, next, start, null));
            }
            return rows;
        }
        if (stop != null && (to == Role.STOPPED || (start != null && !start.runnable))) {
            for (NodeView n : r.runningOn) {
                Action s = plan.find(r, "stop", n);
                if (s != null && next == null && !"no quorum".equals(s.reason)) s.reason = "node availability";
                Action source = s != null && s.reason != null ? s : start;
                rows.add(row("Stop", r, from, to, n, null, s, source));
            }
        } else if (stop != null && r.failed) {
            rows.add(row("Recover", r, from, to, current, next, stop, start));
        } else if (moving) {
            rows.add(row("Move", r, from, to, current, next, stop, null));
        } else if (reload(r, current)) {
            rows.add(row("Reload", r, from, to, current, next, start, null));
        } else if (stop != null && !stop.optional) {
            rows.add(row("Restart", r, from, to, current, next, start, null));
        } else if (from == Role.PROMOTED) {
            rows.add(row("Demote", r, from, to, current, next, demote, null));
        } else if (to == Role.PROMOTED) {
            rows.add(row("Promote", r, from, to, current, next, promote, null));
        } else if (from == Role.STOPPED && to != Role.STOPPED) {
            rows.add(row("Start", r, from, to, current, next, start, null));
        }
        return rows;
    }

    private static boolean reload(Rsc r, NodeView current) {
        return current != null && DigestCheck.outcome(r, r.history.get(current)) == DigestCheck.Outcome.RELOAD;
    }

    private static String[] row(String verb, Rsc r, Role from, Role to, NodeView origin, NodeView destination,
                                Action action, Action source) {
        Action reasonSource = source == null ? action : source;
        String reason = reasonSource == null ? null : reasonSource.reason;
        boolean blocked = action != null && !action.runnable;
        String suffix;
        if (reason != null) suffix = "due to " + reason + (blocked ? " (blocked)" : "");
        else suffix = blocked ? "blocked" : "";
        return new String[] {verb, r.id, details(from, to, origin, destination), suffix};
    }

    /** crm_simulate's details: nodes, with the roles where they matter. */
    static String details(Role from, Role to, NodeView origin, NodeView destination) {
        boolean needRole = from.compareTo(Role.STARTED) > 0 || to.compareTo(Role.UNPROMOTED) > 0;
        boolean sameHost = origin == destination;
        boolean sameRole = from == to;
        if (origin == null) {
            return needRole ? from.label() + " -> " + to.label() + " " + destination.name : destination.name;
        }
        if (destination == null) return needRole ? from.label() + " " + origin.name : origin.name;
        if (sameRole && sameHost) return needRole ? from.label() + " " + origin.name : origin.name;
        if (sameRole) return origin.name + " -> " + destination.name + (needRole ? " " + from.label() : "");
        if (sameHost) return from.label() + " -> " + to.label() + " " + origin.name;
        return from.label() + " " + origin.name + " -> " + to.label() + " " + destination.name;
    }
}
