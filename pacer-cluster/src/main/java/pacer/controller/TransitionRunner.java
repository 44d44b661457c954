package pacer.controller;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import pacer.scheduler.graph.GraphAction;
import pacer.scheduler.graph.TransitionGraph;

/**
 * Walks one transition graph: an action is ready once all its inputs completed as expected; ready
 * actions are handed to the {@link ActionDispatcher} in graph order, at most {@code batchLimit}
 * in flight at once (0: no limit). An action that fails (or completes otherwise than expected)
 * aborts the transition: nothing new starts, what is in flight is waited for, then the transition
 * ends and the controller schedules again from the CIB. One exception keeps resources watched: on
 * an abort, a recurring monitor whose inputs all completed is still dispatched (the scheduler
 * only plans monitors together with the start they follow).
 *
 * <p>Threading: not thread-safe; owned by the controller's role thread, which is also the thread
 * the dispatcher and the completion callback run on.
 */
public final class TransitionRunner {
    /** What became of one action. */
    public enum State { WAITING, IN_FLIGHT, DONE, FAILED }

    private final int id;
    private final TransitionGraph graph;
    private final int batchLimit;
    private final ActionDispatcher dispatcher;
    private final Consumer<TransitionRunner> finished;
    private final Map<Integer, GraphAction> actions = new LinkedHashMap<>();
    private final Map<Integer, State> states = new HashMap<>();
    private int inFlight;
    private boolean aborted;
    private String abortReason = "";
    private boolean ended;
    private boolean pumping;

    public TransitionRunner(int id, TransitionGraph graph, int batchLimit, ActionDispatcher dispatcher,
                            Consumer<TransitionRunner> finished) {
        this.id = id;
        this.graph = graph;
        this.batchLimit = batchLimit;
        this.dispatcher = dispatcher;
        this.finished = finished;
        for (GraphAction a : graph.actions()) {
            actions.put(a.id(), a);
            states.put(a.id(), State.WAITING);
        }
    }

    public int id() { return id; }

    public TransitionGraph graph() { return graph; }

    public boolean aborted() { return aborted; }

    public String abortReason() { return abortReason; }

    public boolean ended() { return ended; }

    public State state(int actionId) { return states.get(actionId); }

    /** Whether every action completed as expected. */
    public boolean complete() { return states.values().stream().allMatch(s -> s == State.DONE); }

    public void start() { pump(); }

    /** The outcome of a dispatched action; {@code asExpected=false} aborts the transition. */
    public void completed(int actionId, boolean asExpected) {
        if (states.get(actionId) != State.IN_FLIGHT) return;
        states.put(actionId, asExpected ? State.DONE : State.FAILED);
        inFlight--;
        if (!asExpected) abort("action " + actions.get(actionId).key() + " on " + actions.get(actionId).node() + " failed");
        pump();
    }

    /** Stops dispatching; the transition ends once nothing is in flight. */
    public void abort(String reason) {
        if (!aborted) {
            aborted = true;
            abortReason = reason;
        }
        pump();
    }

    /** The actions dispatched and not yet completed. */
    public List<GraphAction> inFlight() {
        return actions.values().stream().filter(a -> states.get(a.id()) == State.IN_FLIGHT).toList();
    }

    private void pump() {
        if (pumping || ended) return;
        pumping = true;
        try {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (GraphAction a : actions.values()) {
                    if (batchLimit > 0 && inFlight >= batchLimit) break;
                    if (states.get(a.id()) != State.WAITING || !ready(a)) continue;
                    if (aborted && !(a.operation().equals("monitor") && a.intervalMs() > 0)) continue;
                    states.put(a.id(), State.IN_FLIGHT);
                    inFlight++;
                    dispatcher.dispatch(this, a);
                    progress = true;
                }
            }
        } finally {
            pumping = false;
        }
        if (inFlight == 0 && !ended) {
            ended = true;
            finished.accept(this);
        }
    }

    private boolean ready(GraphAction a) {
        for (int input : a.inputs()) if (states.get(input) != State.DONE) return false;
        return true;
    }
}
