package pacer.scheduler;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * crm_simulate's status text for one scheduler run: the "Current cluster status" body (the
 * cluster as unpacked), the "Executing Cluster Transition" lines, and the "Revised Cluster Status"
 * body (the cluster after every executed action succeeded). Reads the {@link Transition}'s working
 * set and plan; never changes them.
 */
public final class StatusPrinter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private StatusPrinter() {}

    /** The body of "Current cluster status:" (node list, blank line, resource list). */
    public static List<String> current(Transition t) {
        return block(StatusState.current(t.workingSet));
    }

    /** The body of "Revised Cluster Status:". */
    public static List<String> revised(Transition t) {
        return block(StatusState.revised(t.workingSet, t.plan));
    }

    /** The "Executing Cluster Transition:" lines, in simulated execution order. */
    public static List<String> executed(Transition t) {
        return new StatusExecution(t.workingSet, t.plan).lines();
    }

    /**
     * The {@code Using the original execution date of: …} line when the CIB carries an
     * {@code execution-date} (printed before the current status and again after the executed actions).
     */
    public static List<String> dateLines(Transition t) {
        Optional<String> date = t.workingSet.cib.attribute("execution-date");
        if (date.isEmpty()) return List.of();
        try {
            Instant when = Instant.ofEpochSecond(Long.parseLong(date.get().trim()));
            return List.of("Using the original execution date of: " + DATE.format(when));
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    private static List<String> block(StatusState s) {
        List<String> out = new ArrayList<>(StatusNodeList.lines(s));
        out.add("");
        out.addAll(StatusResourceList.lines(s));
        return out;
    }
}
