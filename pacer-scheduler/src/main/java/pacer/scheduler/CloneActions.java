package pacer.scheduler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pacer.cib.Resource;

/**
 * The clone-specific parts of action planning:
 * <ul>
 *   <li>a clone's {@code start} and {@code running} pseudo actions can run as long as any one
 *       instance can start (or keep running); only when no instance can do they become unrunnable,
 *       which then blocks whatever is ordered after the clone; and as soon as any instance's
 *       start is required (runnable or not), so is {@code running};</li>
 *   <li>an ordering between two clones whose dependent clone has {@code interleave=true} orders
 *       each dependent instance after the instance of the other clone on the same node only
 *       (the node it will run on for starts, the node it runs on for stops); a dependent instance
 *       with no such partner to start after cannot run: it does not start, or it stops.</li>
 * </ul>
 */
final class CloneActions {
    private final WorkingSet ws;
    private final ActionPlanner plan;
    /** Running dependent instances that lost their interleave partner: they stop. */
    private final Set<Rsc> inhibited = new HashSet<>();

    CloneActions(WorkingSet ws, ActionPlanner plan) {
        this.ws = ws;
        this.plan = plan;
    }

    static boolean isClone(Rsc r) {
        return r.config.kind() == Resource.Kind.CLONE;
    }

    /**
     * Makes the start and running pseudo actions of every clone none of whose instances can start
     * unrunnable (no reason of their own: "unrunnable CLONE running" is what the dependents say).
     */
    boolean noInstanceRunnable() {
        boolean changed = false;
        for (Rsc clone : ws.resources) {
            if (!isClone(clone)) continue;
            Action start = plan.find(clone, "start", null);
            Action running = plan.find(clone, "running", null);
            if (start == null || running == null) continue;
            if (running.optional && anyInstanceStartRequired(clone)) {
                running.optional = false;
                changed = true;
            }
            if (!running.runnable && !start.runnable || anyInstanceStarts(clone)) continue;
            start.runnable = false;
            running.runnable = false;
            changed = true;
        }
        return changed;
    }

    private boolean anyInstanceStartRequired(Rsc clone) {
        for (Rsc instance : clone.children) {
            for (Action a : instanceStarts(instance)) if (!a.optional) return true;
        }
        return false;
    }

    private boolean anyInstanceStarts(Rsc clone) {
        for (Rsc instance : clone.children) {
            List<Action> starts = instanceStarts(instance);
            if (!starts.isEmpty() && starts.stream().allMatch(a -> a.runnable)) return true;
        }
        return false;
    }

    /** The start actions of the instance's primitives that have a node to start on. */
    private List<Action> instanceStarts(Rsc instance) {
        List<Action> out = new ArrayList<>();
        for (Rsc p : instance.primitives()) {
            if (p.assigned == null || p.unassignedReason != null) continue;
            Action a = plan.find(p, "start", p.assigned);
            if (a != null) out.add(a);
        }
        return out;
    }

    /** Whether the ordering is between two clones and interleaved (the dependent clone says so). */
    boolean interleaved(Ordering o) {
        if (!isClone(o.first()) || !isClone(o.then())) return false;
        boolean down = o.thenTask().equals("stop") || o.thenTask().equals("demote");
        Rsc dependent = down ? o.first() : o.then();
        Rsc primary = down ? o.then() : o.first();
        // "Any one" (require-all=false) or "at least clone-min" orders count the whole clone.
        if (primary.meta.get("clone-min") != null || !requiresAll(o)) return false;
        return pacer.cib.BooleanValue.parse(dependent.meta.get("interleave"), false);
    }

    private boolean requiresAll(Ordering o) {
        String id = o.id().endsWith("-inverse") ? o.id().substring(0, o.id().length() - 8) : o.id();
        for (pacer.cib.Constraint c : ws.cib.configuration().constraints()) {
            if (c instanceof pacer.cib.OrderConstraint oc && oc.id().equals(id)) return oc.requireAll().orElse(true);
        }
        return true;
    }

    /**
     * The instance-level action pairs of an interleaved ordering, first action before then
     * action; null when the ordering is not interleaved.
     */
    List<Action[]> interleavedPairs(Ordering o) {
        if (!interleaved(o)) return null;
        boolean down = o.thenTask().equals("stop") || o.thenTask().equals("demote");
        List<Action[]> pairs = new ArrayList<>();
        for (Rsc then : o.then().children) {
            NodeView node = down ? InstanceNodes.current(then) : InstanceNodes.next(then);
            if (node == null) continue;
            Rsc first = partner(o.first(), node, down);
            if (first == null) continue;
            for (Action f : instanceActions(first, o.firstTask(), true)) {
                for (Action t : instanceActions(then, o.thenTask(), false)) pairs.add(new Action[] {f, t});
            }
        }
        return pairs;
    }

    /**
     * Before actions are created: a dependent instance of an interleaved, mandatory start order
     * whose node gets no instance of the other clone cannot run there. Not yet active, it is not
     * placed at all; active, it is kept for {@link #blockInhibited} to stop.
     */
    void inhibitUninterleaved(List<Ordering> orderings) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Ordering o : orderings) {
                if (!o.mandatory() || !interleaved(o) || !o.firstTask().equals("start")
                        || !o.thenTask().equals("start") || o.id().endsWith("-inverse")) {
                    continue;
                }
                for (Rsc then : o.then().children) {
                    NodeView node = InstanceNodes.next(then);
                    if (node == null || inhibited.contains(then) || partner(o.first(), node, false) != null) continue;
                    if (InstanceNodes.current(then) == null) {
                        for (Rsc p : then.primitives()) {
                            if (p.assigned != null) p.assigned.assignedCount--;
                            p.assigned = null;
                        }
                    } else {
                        inhibited.add(then);
                    }
                    changed = true;
                }
            }
        }
    }

    /** After actions are created: the inhibited running instances stop (their starts cannot run). */
    void blockInhibited() {
        for (Rsc instance : inhibited) {
            for (Rsc p : instance.primitives()) {
                Action start = p.assigned == null ? null : plan.find(p, "start", p.assigned);
                if (start != null) {
                    start.runnable = false;
                    start.optional = false;
                }
                for (NodeView n : p.runningOn) {
                    Action stop = plan.find(p, "stop", n);
                    if (stop != null) stop.optional = false;
                }
            }
        }
    }

    /** The instance of {@code clone} that runs (down) or will run on {@code node}, if any. */
    private Rsc partner(Rsc clone, NodeView node, boolean down) {
        for (Rsc instance : clone.children) {
            if (inhibited.contains(instance)) continue;
            NodeView n = down ? InstanceNodes.current(instance) : InstanceNodes.next(instance);
            if (n == node) return instance;
        }
        return null;
    }

    /** The actions standing for {@code task} of one instance (a primitive, or a cloned group). */
    private List<Action> instanceActions(Rsc instance, String task, boolean asFirst) {
        List<Action> out = new ArrayList<>();
        if (!instance.isPrimitive()) {
            String t = asFirst ? switch (task) {
                case "start" -> "running";
                case "stop" -> "stopped";
                default -> task;
            } : task;
            Action a = plan.find(instance, t, null);
            if (a != null) out.add(a);
            return out;
        }
        if (task.equals("start")) {
            Action a = instance.assigned == null ? null : plan.find(instance, "start", instance.assigned);
            if (a != null) out.add(a);
            return out;
        }
        for (NodeView n : instance.runningOn) {
            Action a = plan.find(instance, task, n);
            if (a != null) out.add(a);
        }
        return out;
    }
}
