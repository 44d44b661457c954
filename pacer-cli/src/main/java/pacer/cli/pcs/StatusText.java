package pacer.cli.pcs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pacer.cib.Cib;
import pacer.scheduler.simulate.Simulator;

/**
 * {@code pcs resource [status]} on a CIB file: the resource list crm_mon prints for it
 * (pcs runs {@code crm_mon} on the file; Pacer asks the scheduler's status printer).
 */
final class StatusText {
    private StatusText() {}

    static List<String> resources(Cib cib, Instant now) {
        if (cib.configuration().resources().isEmpty()) return List.of("NO resources configured");
        List<String> status = Simulator.simulate(cib, now, false).currentStatus();
        List<String> out = new ArrayList<>();
        boolean inResources = false;
        for (String line : status) {
            if (line.trim().endsWith("List of Resources:") || line.trim().equals("* Active Resources:")) {
                inResources = true;
                continue;
            }
            if (!inResources) continue;
            if (line.isBlank()) break;
            out.add(line.startsWith("  ") ? line.substring(2) : line);
        }
        return out;
    }
}
