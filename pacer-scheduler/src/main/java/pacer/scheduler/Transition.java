package pacer.scheduler;

import java.util.List;
import pacer.cib.report.CibReport;
import pacer.scheduler.graph.TransitionGraph;

/**
 * The scheduler's answer: the transition graph (what to do, where, in which order), the summary
 * lines crm_simulate prints, and the configuration problems found on the way.
 */
public final class Transition {
    private final List<String> summary;
    private final TransitionGraph graph;
    private final List<CibReport> reports;
    final WorkingSet workingSet;
    final ActionPlanner plan;

    Transition(List<String> summary, TransitionGraph graph, List<CibReport> reports, WorkingSet ws, ActionPlanner plan) {
        this.summary = List.copyOf(summary);
        this.graph = graph;
        this.reports = List.copyOf(reports);
        this.workingSet = ws;
        this.plan = plan;
    }

    /** "Transition Summary" lines, formatted as crm_simulate prints them. */
    public List<String> summary() { return summary; }

    public TransitionGraph graph() { return graph; }

    public List<CibReport> reports() { return reports; }

    /** The cluster's current state (before this transition), as status tools show it. */
    public ClusterStatus status() { return ClusterStatusBuilder.of(workingSet); }

    /** The status blocks crm_mon prints for the current state (node list, resources). */
    public List<String> statusLines() { return StatusPrinter.current(this); }

    /** The placement scores, as {@code crm_simulate -s} prints them. */
    public List<String> allocationScores() { return AllocationScores.lines(workingSet); }
}
