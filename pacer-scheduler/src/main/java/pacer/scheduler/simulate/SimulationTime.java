package pacer.scheduler.simulate;

import java.time.Instant;
import java.util.Optional;
import pacer.cib.Cib;

/**
 * Decides the simulated "now": the CIB's {@code execution-date} (epoch seconds) when present, else
 * the caller's fallback (the CLI passes the real time, or the {@code -t} date).
 */
public final class SimulationTime {
    private SimulationTime() {}

    public static Instant now(Cib cib, Optional<Instant> explicit, Instant fallback) {
        if (explicit.isPresent()) return explicit.get();
        Optional<String> date = cib.attribute("execution-date");
        if (date.isPresent()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(date.get().trim()));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
