package pacer.cli.conformance;

import java.time.Duration;
import java.util.List;

/**
 * The verdict on one case. It passed when nothing went wrong and the normalized Transition
 * Summaries are equal, line for line and in order.
 *
 * @param expected the expected summary, normalized (empty when it could not be read)
 * @param expectedKnown whether {@code expected} was read from the case's summary file
 * @param actual Pacer's summary, normalized (empty when the simulation did not complete)
 * @param problem why the case could not be judged normally (an exception, a timeout, a missing
 *     file), as report lines; empty when it ran
 * @param cibErrors the CIB's error reports, rendered, shown in the report of a failing case
 * @param took the time the case took, parsing included
 */
public record CaseResult(ConformanceCase kase, List<String> expected, boolean expectedKnown, List<String> actual,
                         List<String> problem, List<String> cibErrors, Duration took) {
    public CaseResult {
        expected = List.copyOf(expected);
        actual = List.copyOf(actual);
        problem = List.copyOf(problem);
        cibErrors = List.copyOf(cibErrors);
    }

    public boolean passed() {
        return problem.isEmpty() && expectedKnown && expected.equals(actual);
    }

    /** Whether Pacemaker expects no actions at all: such a case is passed by a scheduler that does nothing. */
    public boolean expectsNothing() {
        return expectedKnown && expected.isEmpty();
    }

    public String name() {
        return kase.name();
    }
}
