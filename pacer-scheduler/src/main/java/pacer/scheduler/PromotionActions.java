package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import pacer.cib.Resource;
import pacer.cib.Role;

/**
 * The promote and demote actions of promotable clones, and their orderings:
 * <ul>
 *   <li>an instance that is promoted now is demoted on every node it is active on; the demote is
 *       required when it will not stay promoted there, and becomes required whenever its stop
 *       does (demote before stop);</li>
 *   <li>an instance that will be promoted is promoted on its node after its start (an
 *       unrunnable start blocks the promote); the promote is required unless it is promoted there
 *       already, and for a promoted instance that restarts, a required start requires it too;</li>
 *   <li>demote before promote for the same instance;</li>
 *   <li>pseudo actions {@code promote}/{@code promoted} and {@code demote}/{@code demoted} for the
 *       clone (and for each cloned group instance) around its instances' (members') actions,
 *       required when any instance's is; the clone's promote waits for its {@code running} (and
 *       is blocked when no instance can run), its stop and start wait for {@code demoted}.</li>
 * </ul>
 */
final class PromotionActions {
    private final WorkingSet ws;
    private final ActionPlanner plan;

    PromotionActions(WorkingSet ws, ActionPlanner plan) {
        this.ws = ws;
        this.plan = plan;
    }

    void create() {
        for (Rsc top : ws.resources) if (PromotionScores.isPromotable(top)) clone(top);
    }

    private void clone(Rsc clone) {
        List<Action> promotes = new ArrayList<>();
        List<Action> demotes = new ArrayList<>();
        for (Rsc inst : clone.children) {
            List<Action> instPromotes = new ArrayList<>();
            List<Action> instDemotes = new ArrayList<>();
            for (Rsc p : inst.primitives()) primitive(p, instPromotes, instDemotes);
            if (inst.config.kind() == Resource.Kind.GROUP) {
                group(inst, promotes, demotes);
            } else {
                promotes.addAll(instPromotes);
                demotes.addAll(instDemotes);
            }
        }
        Action[] pseudo = pseudo(clone, promotes, demotes);
        Action running = plan.find(clone, "running", null);
        Action stop = plan.find(clone, "stop", null);
        Action start = plan.find(clone, "start", null);
        Action stopped = plan.find(clone, "stopped", null);
        if (running != null) plan.edges.add(new OrderEdge(running, pseudo[0], false, false, true));
        if (stop != null) plan.edges.add(new OrderEdge(pseudo[3], stop, false, false, false));
        if (start != null) plan.edges.add(new OrderEdge(pseudo[3], start, false, false, false));
        if (stopped != null) plan.edges.add(new OrderEdge(stopped, pseudo[0], false, false, false));
        plan.edges.add(new OrderEdge(pseudo[3], pseudo[0], false, false, false));
    }

    /**
     * Creates {@code promote}, {@code promoted}, {@code demote}, {@code demoted} pseudo actions
     * for a clone or a cloned group instance around the given member actions; returns them in
     * that order.
     */
    private Action[] pseudo(Rsc r, List<Action> promotes, List<Action> demotes) {
        boolean anyPromote = promotes.stream().anyMatch(a -> !a.optional);
        boolean anyDemote = demotes.stream().anyMatch(a -> !a.optional);
        Action promote = plan.add(r, "promote", null, !anyPromote);
        Action promoted = plan.add(r, "promoted", null, !anyPromote);
        Action demote = plan.add(r, "demote", null, !anyDemote);
        Action demoted = plan.add(r, "demoted", null, !anyDemote);
        for (Action a : List.of(promote, promoted, demote, demoted)) a.pseudo = true;
        for (Action a : promotes) {
            plan.edges.add(new OrderEdge(promote, a, false, false, false));
            plan.edges.add(new OrderEdge(a, promoted, true, false, false));
        }
        for (Action a : demotes) {
            plan.edges.add(new OrderEdge(demote, a, false, true, false));
            plan.edges.add(new OrderEdge(a, demoted, true, false, false));
        }
        plan.edges.add(new OrderEdge(promote, promoted, false, false, true));
        plan.edges.add(new OrderEdge(demote, demoted, false, false, true));
        return new Action[] {promote, promoted, demote, demoted};
    }

    /** A cloned group instance: its own pseudo actions, members promoted in order, demoted in reverse. */
    private void group(Rsc inst, List<Action> clonePromotes, List<Action> cloneDemotes) {
        List<Action> promotes = new ArrayList<>();
        List<Action> demotes = new ArrayList<>();
        Action previousPromote = null;
        List<Action> previousDemotes = List.of();
        for (Rsc p : inst.primitives()) {
            List<Action> ps = new ArrayList<>();
            List<Action> ds = new ArrayList<>();
            for (Action a : plan.actions) {
                if (a.rsc == p && a.task.equals("promote")) ps.add(a);
                if (a.rsc == p && a.task.equals("demote")) ds.add(a);
            }
            for (Action a : ps) {
                if (previousPromote != null) plan.edges.add(new OrderEdge(previousPromote, a, true, false, true));
                previousPromote = a;
            }
            for (Action d : ds) for (Action prev : previousDemotes) plan.edges.add(new OrderEdge(d, prev, false, false, false));
            if (!ds.isEmpty()) previousDemotes = ds;
            promotes.addAll(ps);
            demotes.addAll(ds);
        }
        Action[] pseudo = pseudo(inst, promotes, demotes);
        clonePromotes.add(pseudo[1]);
        cloneDemotes.add(pseudo[3]);
    }

    /**
     * Whether a promotable clone's {@code promoted} (or {@code demoted}) is required only because
     * of instances on other nodes than the one {@code then} runs on: as for Pacemaker, a clone's
     * completion action counts, for an action on a node, only through the instances there.
     */
    static boolean onlyElsewhere(ActionPlanner plan, Action first, Action then) {
        if (first.rsc == null || !first.pseudo || then.node == null || !PromotionScores.isPromotable(first.rsc)) return false;
        String task = switch (first.task) {
            case "promoted" -> "promote";
            case "demoted" -> "demote";
            default -> null;
        };
        if (task == null || then.rsc == null || PromotionScores.promotableClone(then.rsc) == first.rsc) return false;
        for (Rsc p : first.rsc.primitives()) {
            Action a = plan.find(p, task, then.node);
            if (a != null && !a.optional) return false;
        }
        return true;
    }

    /**
     * Mandatory colocations with a primary that cannot reach its role block the dependent:
     * a primary that cannot start anywhere blocks a Promoted dependent's promotion (other
     * dependents are {@link Propagation}'s); a promotable primary none of whose instances can be
     * promoted blocks what is colocated with its Promoted role (the promotion of a Promoted
     * dependent, else its start). The blocked action's reason is "colocation with" the primary.
     */
    static boolean blockColocated(ActionPlanner plan, List<Colocation> colocations) {
        boolean changed = false;
        for (Colocation c : colocations) {
            if (c.score() < pacer.cib.Score.INFINITY) continue;
            boolean blocked;
            if (c.primaryRole() == Role.PROMOTED && PromotionScores.isPromotable(c.primary())) {
                blocked = noneRunnable(plan, c.primary(), "promote");
            } else if (c.dependentRole() == Role.PROMOTED) {
                blocked = noneRunnable(plan, c.primary(), "start");
            } else {
                continue;
            }
            if (!blocked) continue;
            String task = c.dependentRole() == Role.PROMOTED ? "promote" : "start";
            for (Action a : plan.actions) {
                if (a.rsc == null || !a.rsc.isPrimitive() || !a.task.equals(task) || !a.runnable || a.node == null) continue;
                if (a.rsc != c.dependent() && !isWithin(a.rsc, c.dependent())) continue;
                if (task.equals("start") && a.optional) continue;
                a.runnable = false;
                if (a.reason == null) a.reason = "colocation with " + c.primary().id;
                changed = true;
            }
        }
        return changed;
    }

    /** Whether no primitive of {@code r} has a runnable {@code task} (and at least one has one). */
    private static boolean noneRunnable(ActionPlanner plan, Rsc r, String task) {
        boolean any = false;
        for (Action a : plan.actions) {
            if (a.rsc == null || !a.rsc.isPrimitive() || !a.task.equals(task) || a.node == null) continue;
            if (a.rsc != r && !isWithin(a.rsc, r)) continue;
            any = true;
            if (a.runnable) return false;
        }
        return any;
    }

    private static boolean isWithin(Rsc member, Rsc parent) {
        for (Rsc p = member.parent; p != null; p = p.parent) if (p == parent) return true;
        return false;
    }

    private void primitive(Rsc p, List<Action> promotes, List<Action> demotes) {
        if (!p.managed) return;
        Role from = PromotionScores.currentRole(p);
        Role to = PromotionScores.nextRole(p);
        List<Action> myDemotes = new ArrayList<>();
        if (from == Role.PROMOTED) {
            for (NodeView n : p.runningOn) {
                Action stop = plan.find(p, "stop", n);
                boolean stays = to == Role.PROMOTED && n == p.assigned && (stop == null || stop.optional);
                Action demote = plan.add(p, "demote", n, stays);
                if (stop != null) {
                    demote.pseudo = stop.pseudo;
                    if (!stop.runnable && !n.unclean) demote.runnable = false;
                    plan.edges.add(new OrderEdge(demote, stop, false, true, false));
                }
                if (n.unclean) {
                    for (Action f : plan.fencing) {
                        if (f.node == n) plan.edges.add(new OrderEdge(f, demote, false, false, true));
                    }
                }
                myDemotes.add(demote);
            }
        }
        demotes.addAll(myDemotes);
        if (to != Role.PROMOTED) return;
        NodeView node = p.assigned;
        Action start = plan.find(p, "start", node);
        boolean already = from == Role.PROMOTED && p.runningOn.contains(node) && (start == null || start.optional);
        Action promote = plan.add(p, "promote", node, already);
        if (start != null) {
            if (!start.runnable) promote.runnable = false;
            plan.edges.add(new OrderEdge(start, promote, from == Role.PROMOTED, false, true));
        }
        for (Action d : myDemotes) plan.edges.add(new OrderEdge(d, promote, false, false, false));
        promotes.add(promote);
    }
}
