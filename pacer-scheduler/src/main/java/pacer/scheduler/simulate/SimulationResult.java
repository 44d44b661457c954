package pacer.scheduler.simulate;

import java.util.List;
import pacer.cib.report.CibReport;

/**
 * What {@code pacer simulate} prints, block by block, in crm_simulate's format.
 *
 * @param currentStatus the "Current cluster status:" block's body lines
 * @param transitionSummary the "Transition Summary:" lines, in Pacemaker's order
 * @param executed the "Executing Cluster Transition:" lines
 * @param revisedStatus the "Revised Cluster Status:" block's body lines
 * @param scores allocation scores, one line each, when asked for (else empty)
 * @param reports configuration problems found by the parser and the scheduler
 * @param preamble the date lines ({@code Using the original execution date of: …}), printed before
 *                 the current status and again after the executed actions (else empty)
 */
public record SimulationResult(List<String> currentStatus, List<String> transitionSummary, List<String> executed,
                               List<String> revisedStatus, List<String> scores, List<CibReport> reports,
                               List<String> preamble) {
    public SimulationResult {
        preamble = List.copyOf(preamble);
        currentStatus = List.copyOf(currentStatus);
        transitionSummary = List.copyOf(transitionSummary);
        executed = List.copyOf(executed);
        revisedStatus = List.copyOf(revisedStatus);
        scores = List.copyOf(scores);
        reports = List.copyOf(reports);
    }

    /** The whole text, as {@code crm_simulate -x FILE -S} prints it. */
    public String render() {
        StringBuilder b = new StringBuilder();
        preamble.forEach(l -> b.append(l).append('\n'));
        b.append("Current cluster status:\n");
        currentStatus.forEach(l -> b.append(l).append('\n'));
        b.append('\n');
        if (!scores.isEmpty()) {
            b.append("Assignment Scores:\n");
            scores.forEach(l -> b.append(l).append('\n'));
            b.append('\n');
        }
        b.append("Transition Summary:\n");
        transitionSummary.forEach(l -> b.append(l).append('\n'));
        b.append('\n').append("Executing Cluster Transition:\n");
        executed.forEach(l -> b.append(l).append('\n'));
        preamble.forEach(l -> b.append(l).append('\n'));
        b.append('\n').append("Revised Cluster Status:\n");
        revisedStatus.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
