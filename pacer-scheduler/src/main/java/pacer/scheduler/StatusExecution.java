package pacer.scheduler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.ClusterOption;
import pacer.cib.LrmResource;
import pacer.cib.NodeState;
import pacer.cib.Operation;
import pacer.cib.Role;

/**
 * The "Executing Cluster Transition" lines: every executed action of the plan, plus the probes
 * (one-shot monitors where a resource's state is unknown), the recurring monitors of started
 * resources and the shutdowns of leaving nodes, in the order crm_simulate runs them. That order
 * comes from a list (each top-level resource's own actions, then its children's; node actions last)
 * that is walked pass after pass, firing every step whose inputs have all run.
 */
final class StatusExecution {
    private final WorkingSet ws;
    private final ActionPlanner plan;
    private final Map<Action, StatusStep> steps = new IdentityHashMap<>();
    private final Map<Rsc, List<StatusStep>> probes = new IdentityHashMap<>();
    private final Map<Rsc, List<StatusStep>> monitors = new IdentityHashMap<>();
    private final List<StatusStep> order = new ArrayList<>();

    StatusExecution(WorkingSet ws, ActionPlanner plan) {
        this.ws = ws;
        this.plan = plan;
    }

    List<String> lines() {
        for (Action a : plan.actions) if (runs(a)) steps.put(a, new StatusStep(line(a)));
        for (OrderEdge e : plan.edges) {
            StatusStep first = steps.get(e.first());
            StatusStep then = steps.get(e.then());
            if (first != null && then != null && first != then && !then.inputs.contains(first)) then.inputs.add(first);
        }
        probes();
        recurring();
        List<Rsc> top = new ArrayList<>(ws.resources);
        top.sort(StatusResourceList.DISPLAY_ORDER);
        for (Rsc r : top) emit(r);
        for (Rsc o : ws.orphans) if (!top.contains(o)) emit(o);
        List<Action> rest = new ArrayList<>();
        for (Action a : plan.actions) if (a.rsc == null && steps.containsKey(a)) rest.add(a);
        java.util.Collections.reverse(rest);
        for (Action a : rest) order.add(steps.get(a));
        shutdowns();
        return run();
    }

    /**
     * Whether the simulation runs the action. A group's or clone's start/running (stop/stopped)
     * pseudo actions run whenever a member starts (stops), even if the plan left them optional.
     */
    private boolean runs(Action a) {
        if (plan.probes.contains(a)) return false; // probes are lined up by probes()
        if (StatusState.executed(a)) return true;
        if (!a.runnable || a.rsc == null || a.rsc.isPrimitive() || !a.pseudo) return false;
        String task = a.task.equals("running") ? "start" : a.task.equals("stopped") ? "stop" : a.task;
        if (!task.equals("start") && !task.equals("stop")) return false;
        for (Rsc p : a.rsc.primitives()) {
            for (Action b : plan.actions) {
                if (b.rsc == p && b.task.equals(task) && StatusState.executed(b)) return true;
            }
        }
        return false;
    }

    private void emit(Rsc r) {
        if (!r.isPrimitive()) {
            List<Action> own = own(r);
            java.util.Collections.reverse(own);
            for (Action a : own) order.add(steps.get(a));
            for (Rsc c : r.children) emit(c);
            return;
        }
        order.addAll(monitors.getOrDefault(r, List.of()));
        for (Action a : own(r)) if (a.task.equals("stop")) order.add(steps.get(a));
        for (Action a : own(r)) if (!a.task.equals("stop")) order.add(steps.get(a));
        order.addAll(probes.getOrDefault(r, List.of()));
    }

    private List<Action> own(Rsc r) {
        List<Action> out = new ArrayList<>();
        for (Action a : plan.actions) if (a.rsc == r && steps.containsKey(a)) out.add(a);
        return out;
    }

    private List<String> run() {
        List<String> out = new ArrayList<>();
        boolean fired = true;
        while (fired) {
            fired = false;
            for (StatusStep step : order) {
                if (step.done || !step.ready()) continue;
                step.done = true;
                out.add(step.line);
                fired = true;
            }
        }
        return out;
    }

    private void probes() {
        Map<Rsc, List<StatusStep>> byClone = new IdentityHashMap<>();
        for (Action a : plan.probes) {
            StatusStep p = new StatusStep(resourceLine(name(a.rsc), "monitor", a.node));
            probes.computeIfAbsent(a.rsc, k -> new ArrayList<>()).add(p);
            if (StatusPrimitiveLine.isAnonymousCloneInstance(a.rsc)) {
                byClone.computeIfAbsent(a.rsc.top(), k -> new ArrayList<>()).add(p);
            }
        }
        for (Action a : plan.actions) {
            StatusStep start = steps.get(a);
            if (start == null || a.rsc == null || !a.task.equals("start") || !a.rsc.isPrimitive() || a.pseudo) continue;
            List<StatusStep> before = StatusPrimitiveLine.isAnonymousCloneInstance(a.rsc)
                    ? byClone.getOrDefault(a.rsc.top(), List.of()) : probes.getOrDefault(a.rsc, List.of());
            start.inputs.addAll(before);
        }
    }

    private void recurring() {
        for (Action a : plan.actions) {
            StatusStep start = steps.get(a);
            if (start == null || a.rsc == null || !a.task.equals("start") || !a.rsc.isPrimitive() || a.node == null) continue;
            for (Operation op : a.rsc.primitive().operations()) {
                if (!op.name().equals("monitor") || op.intervalMs() <= 0 || !op.enabled()) continue;
                if (op.role().isPresent() && op.role().get() != Role.STARTED) continue;
                StatusStep m = new StatusStep(resourceLine(name(a.rsc), "monitor=" + op.intervalMs(), a.node));
                m.inputs.add(start);
                monitors.computeIfAbsent(a.rsc, k -> new ArrayList<>()).add(m);
            }
        }
    }

    private void shutdowns() {
        for (NodeView n : ws.nodes) {
            if (!n.shutdown || !n.online) continue;
            StatusStep s = new StatusStep("  * Cluster action:  do_shutdown on " + n.name);
            for (Map.Entry<Action, StatusStep> e : steps.entrySet()) {
                Action a = e.getKey();
                if (a.rsc != null && a.task.equals("stop") && a.node == n) s.inputs.add(e.getValue());
            }
            order.add(s);
        }
    }

    private String line(Action a) {
        if (a.rsc == null) return "  * Fencing " + a.node.name + " (" + (a.reason == null ? "reboot" : a.reason) + ")";
        if (a.pseudo || a.node == null) return "  * Pseudo action:   " + a.key();
        String op = a.intervalMs > 0 ? a.task + "=" + a.intervalMs : a.task;
        return resourceLine(name(a.rsc), op, a.node);
    }

    private static String resourceLine(String name, String op, NodeView node) {
        return String.format("  * Resource action: %-15s %s on %s", name, op, node.name);
    }

    /** The id the controller knows: an anonymous instance goes by its base id when the status does. */
    private String name(Rsc r) {
        if (!StatusPrimitiveLine.isAnonymousCloneInstance(r)) return r.id;
        String base = r.config.id();
        for (NodeState state : ws.cib.status().nodes()) {
            for (LrmResource lrm : state.resources()) if (lrm.id().equals(base)) return base;
        }
        return r.id;
    }
}
