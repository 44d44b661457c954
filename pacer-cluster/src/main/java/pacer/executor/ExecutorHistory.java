package pacer.executor;

import java.util.List;
import java.util.Objects;

/**
 * An executor's answer to a new DC's history query: the last result of every operation it knows
 * (in call-id order), and the operations it is still running. The new DC records the results its
 * CIB lacks (a result the old DC received but never wrote, or one sent to a DC that had just
 * died) and waits for the running ones before it schedules, so nothing is started twice.
 *
 * @param query the id of the query this answers
 * @param inFlight the {@code RSC_OP_INTERVAL} keys of the non-recurring operations still running
 */
public record ExecutorHistory(String node, String query, List<OperationReport> results, List<String> inFlight) {
    public ExecutorHistory {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(query, "query");
        results = List.copyOf(results);
        inFlight = List.copyOf(inFlight);
    }
}
