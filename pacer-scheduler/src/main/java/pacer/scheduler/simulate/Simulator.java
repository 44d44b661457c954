package pacer.scheduler.simulate;

import java.time.Instant;
import java.util.List;
import pacer.cib.Cib;
import pacer.scheduler.Scheduler;
import pacer.scheduler.StatusPrinter;
import pacer.scheduler.Transition;

/**
 * crm_simulate's job: run the scheduler on a CIB at a given "now", show the current status, the
 * transition summary, the actions as if executed, and the revised status (the graph applied as
 * if every action succeeded). Pure: no I/O, no clock.
 */
public final class Simulator {
    private Simulator() {}

    public static SimulationResult simulate(Cib cib, Instant now, boolean showScores) {
        Transition t = Scheduler.schedule(cib, now);
        return new SimulationResult(StatusPrinter.current(t), t.summary(), StatusPrinter.executed(t),
                StatusPrinter.revised(t), showScores ? t.allocationScores() : List.of(), t.reports(),
                StatusPrinter.dateLines(t));
    }
}
