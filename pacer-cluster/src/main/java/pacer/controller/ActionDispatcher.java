package pacer.controller;

import pacer.scheduler.graph.GraphAction;

/**
 * Runs the actions a {@link TransitionRunner} finds ready (Pacemaker's {@code pcmk__graph_functions_t}):
 * the controller's dispatcher sends them to executors and the fencer; tests record them. Called
 * on the runner's thread; it must not block, and reports the outcome later (or at once, for
 * pseudo actions) through {@link TransitionRunner#completed}.
 */
@FunctionalInterface
public interface ActionDispatcher {
    void dispatch(TransitionRunner runner, GraphAction action);
}
