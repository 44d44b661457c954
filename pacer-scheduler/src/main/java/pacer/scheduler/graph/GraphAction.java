package pacer.scheduler.graph;

import java.util.List;
import java.util.Map;

/**
 * One action of a transition graph, as the controller executes it.
 *
 * @param id the action's number in the graph
 * @param kind resource operation, fencing, cluster action, or pseudo action (orders others only)
 * @param resource the resource id (instance id for clones), or empty for node actions
 * @param operation {@code start}, {@code stop}, {@code monitor}, {@code stonith}, ...
 * @param node the node name, or empty for pseudo actions
 * @param timeoutMs the operation timeout
 * @param parameters the agent parameters (instance attributes) to run it with
 * @param inputs ids of the actions that must complete first
 */
public record GraphAction(int id, Kind kind, String resource, String operation, long intervalMs, String node,
                          long timeoutMs, Map<String, String> parameters, List<Integer> inputs) {
    public GraphAction {
        parameters = Map.copyOf(parameters);
        inputs = List.copyOf(inputs);
    }

    /** Pacemaker's operation key, {@code RSC_OP_INTERVAL}. */
    public String key() { return resource.isEmpty() ? operation : resource + "_" + operation + "_" + intervalMs; }

    /** The families of graph actions. */
    public enum Kind { RESOURCE, FENCE, CLUSTER, PSEUDO }
}
