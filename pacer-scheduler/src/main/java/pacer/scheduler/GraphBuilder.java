package pacer.scheduler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.Operation;
import pacer.cib.TimeSpec;
import pacer.scheduler.graph.GraphAction;
import pacer.scheduler.graph.TransitionGraph;

/**
 * Turns the planned actions into a {@link TransitionGraph}: only required, runnable actions (and
 * the pseudo actions between them), numbered, each with its inputs, timeout and parameters, plus
 * the recurring monitors of every resource that will be running where it starts.
 */
final class GraphBuilder {
    private GraphBuilder() {}

    static TransitionGraph build(WorkingSet ws, ActionPlanner plan) {
        List<Action> kept = new ArrayList<>();
        for (Action a : plan.actions) if (!a.optional && a.runnable) kept.add(a);
        Map<Action, Integer> ids = new IdentityHashMap<>();
        for (Action a : kept) ids.put(a, ids.size());
        List<GraphAction> out = new ArrayList<>();
        for (Action a : kept) {
            List<Integer> inputs = new ArrayList<>();
            for (OrderEdge e : plan.edges) {
                if (e.then() == a && ids.containsKey(e.first()) && !inputs.contains(ids.get(e.first()))) {
                    inputs.add(ids.get(e.first()));
                }
            }
            out.add(toGraph(ws, a, ids.get(a), inputs));
        }
        int next = out.size();
        for (Action a : kept) {
            if (a.rsc == null || !a.task.equals("start") || !a.rsc.isPrimitive()) continue;
            for (Operation op : a.rsc.primitive().operations()) {
                if (!op.name().equals("monitor") || op.intervalMs() <= 0 || !op.enabled()) continue;
                if (op.role().isPresent() && op.role().get() != pacer.cib.Role.STARTED) continue;
                out.add(new GraphAction(next++, GraphAction.Kind.RESOURCE, a.rsc.id, "monitor", op.intervalMs(),
                        a.node.name, timeout(op), WorkingSetAccess.instance(a.rsc, a.node), List.of(ids.get(a))));
            }
        }
        return new TransitionGraph(out);
    }

    private static GraphAction toGraph(WorkingSet ws, Action a, int id, List<Integer> inputs) {
        if (a.rsc == null) {
            return new GraphAction(id, GraphAction.Kind.FENCE, "", "stonith", 0, a.node.name, 60_000,
                    Map.of("action", a.reason == null ? "reboot" : a.reason), inputs);
        }
        GraphAction.Kind kind = a.pseudo ? GraphAction.Kind.PSEUDO : GraphAction.Kind.RESOURCE;
        long timeout = 20_000;
        if (a.rsc.isPrimitive()) {
            for (Operation op : a.rsc.primitive().operations()) {
                if (op.name().equals(a.task) && op.intervalMs() == 0) timeout = timeout(op);
            }
        }
        Map<String, String> params = a.rsc.isPrimitive() ? WorkingSetAccess.instance(a.rsc, a.node) : Map.of();
        return new GraphAction(id, kind, a.rsc.id, a.task, a.intervalMs, a.node == null ? "" : a.node.name,
                timeout, params, inputs);
    }

    private static long timeout(Operation op) {
        return op.attribute("timeout").map(t -> TimeSpec.parseMillis(t, 20_000)).orElse(20_000L);
    }
}
