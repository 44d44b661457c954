package pacer.scheduler.graph;

import java.util.List;

/**
 * A transition graph: the actions to run and, for each, the actions it waits for. An action is
 * ready when every input has completed; the controller runs ready actions, up to its batch limit.
 */
public record TransitionGraph(List<GraphAction> actions) {
    public static final TransitionGraph EMPTY = new TransitionGraph(List.of());

    public TransitionGraph {
        actions = List.copyOf(actions);
    }

    public boolean isEmpty() { return actions.isEmpty(); }
}
