package pacer.scheduler;

import java.util.List;
import pacer.cib.ClusterOption;

/**
 * Propagates "required" and "unrunnable" along the orderings of a plan until nothing changes, as
 * Pacemaker's ordering flags do: a required first makes its then required (implies-then), a
 * required then makes its first required (implies-first, the reverse halves of symmetrical
 * orders), an unrunnable first blocks its then. The reason a flag changed is kept on the action
 * as the summary's "due to" text. Works on the plan of one scheduler run.
 */
final class Propagation {
    private final WorkingSet ws;
    private final ActionPlanner plan;
    private final List<Colocation> colocations;

    Propagation(WorkingSet ws, ActionPlanner plan, List<Colocation> colocations) {
        this.ws = ws;
        this.plan = plan;
        this.colocations = colocations;
    }

    void run() {
        boolean changed = true;
        int guard = 0;
        while (changed && guard++ < 1000) {
            changed = false;
            for (OrderEdge e : plan.edges) {
                Action f = e.first();
                Action t = e.then();
                if (e.runnableLeft() && !f.runnable && t.runnable) {
                    t.runnable = false;
                    if (t.reason == null && f.pseudo && f.node == null && f.reason != null) t.reason = f.reason;
                    else if (t.reason == null && f.rsc != null) t.reason = "unrunnable " + f.rsc.id + " " + f.task;
                    changed = true;
                }
                if (e.impliesThen() && !f.optional && t.optional && f.runnable && (t.node != null || t.pseudo)
                        && !newInstancesOnly(f, t) && !PromotionActions.onlyElsewhere(plan, f, t)) {
                    t.optional = false;
                    if (t.reason == null && f.pseudo && f.node == null && f.reason != null) t.reason = f.reason;
                    else if (t.reason == null && f.rsc == null) t.reason = "required stonith";
                    else if (t.reason == null && f.rsc != null && f.rsc != t.rsc && !isMemberOf(f.rsc, t.rsc)) {
                        t.reason = "required " + f.rsc.id + " " + f.task;
                    }
                    changed = true;
                }
                if (e.asymmetric() && !f.runnable && t.runnable && happens(t)) {
                    t.runnable = false;
                    if (t.reason == null && f.rsc != null) t.reason = "unrunnable " + f.rsc.id + " " + f.task;
                    changed = true;
                }
                boolean stopThen = e.impliesThen() && "stop".equals(f.task) && f.rsc != t.rsc;
                if ((e.impliesFirst() || stopThen) && !f.runnable && t.runnable && !t.optional && f.node != null) {
                    t.runnable = false;
                    if (t.reason == null && f.rsc != null) t.reason = "unrunnable " + f.rsc.id + " " + f.task;
                    changed = true;
                }
                if (e.impliesFirst() && !t.optional && f.optional && t.runnable && f.node != null) {
                    f.optional = false;
                    if (f.reason == null && t.rsc != null && t.rsc != f.rsc) f.reason = "required " + t.rsc.id + " " + t.task;
                    changed = true;
                }
                if (t.rsc != null && t.task.equals("start") && !t.runnable && t.node != null && t.optional
                        && t.rsc.runningOn.contains(t.node)) {
                    Action stop = plan.find(t.rsc, "stop", t.node);
                    if (stop != null && stop.optional) {
                        stop.optional = false;
                        if (stop.reason == null) stop.reason = t.reason;
                        changed = true;
                    }
                }
            }
            changed |= colocationsUnrunnable();
            changed |= PromotionActions.blockColocated(plan, colocations);
            changed |= plan.clones.noInstanceRunnable();
        }
        if (!ws.options.flag(ClusterOption.MAINTENANCE_MODE)) return;
        for (Action a : plan.actions) a.optional = true;
    }

    /**
     * A dependent of a mandatory colocation cannot start while its primary cannot: its start
     * becomes unrunnable "due to colocation with" the primary.
     */
    private boolean colocationsUnrunnable() {
        boolean changed = false;
        for (Colocation c : colocations) {
            if (c.score() < pacer.cib.Score.INFINITY || c.dependentRole() == pacer.cib.Role.PROMOTED) continue;
            Action primaryStart = c.primary().isPrimitive()
                    ? plan.find(c.primary(), "start", c.primary().assigned) : plan.find(c.primary(), "start", null);
            if (primaryStart == null || primaryStart.runnable || primaryStart.optional && c.primary().isPrimitive()) continue;
            for (Rsc d : c.dependent().isPrimitive() ? List.of(c.dependent()) : c.dependent().primitives().subList(0, 1)) {
                Action start = plan.find(d, "start", d.assigned);
                if (start == null || !start.runnable || start.optional) continue;
                start.runnable = false;
                if (start.reason == null) start.reason = "colocation with " + c.primary().id;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * A clone that only starts new instances does not disturb what was ordered after it: those
     * depend on the instances already running. Only a clone whose instances stop (restart or move)
     * forces its dependents to restart.
     */
    private boolean newInstancesOnly(Action f, Action t) {
        if (!f.pseudo || f.rsc == null || f.rsc.config.kind() != pacer.cib.Resource.Kind.CLONE) return false;
        if (!f.task.equals("running") || isMemberOf(t.rsc, f.rsc) || t.rsc == f.rsc) return false;
        for (Rsc p : f.rsc.primitives()) {
            for (NodeView n : p.runningOn) {
                Action stop = plan.find(p, "stop", n);
                if (stop != null && !stop.optional) return false;
            }
        }
        return true;
    }

    /** Whether an action will take place: it is required, or it is a collective's start and a member starts. */
    private boolean happens(Action a) {
        if (!a.optional) return true;
        if (!a.pseudo || a.rsc == null || a.rsc.isPrimitive() || !a.task.equals("start")) return false;
        for (Rsc p : a.rsc.primitives()) {
            Action start = plan.find(p, "start", p.assigned);
            if (start != null && !start.optional && p.assigned != null) return true;
        }
        return false;
    }

    /** Whether {@code member} belongs to the collective {@code parent} (a member's own group or clone). */
    private static boolean isMemberOf(Rsc member, Rsc parent) {
        for (Rsc p = member.parent; p != null; p = p.parent) if (p == parent) return true;
        return false;
    }

}
