package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the simulated execution: the line crm_simulate prints for it, the steps that must
 * have run first, and whether it has run. Owned by one {@link StatusExecution}.
 */
final class StatusStep {
    final String line;
    final List<StatusStep> inputs = new ArrayList<>();
    boolean done;

    StatusStep(String line) {
        this.line = line;
    }

    boolean ready() {
        for (StatusStep i : inputs) if (!i.done) return false;
        return true;
    }
}
