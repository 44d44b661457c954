package pacer.cli.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pacemaker's scheduler regression cases in a data folder ({@code cases.csv}, {@code xml/},
 * {@code summary/}), and running them: all in this JVM, one after the other, in catalog order.
 *
 * <p>The simulated "now" of a case is its {@code -t} date, else its CIB's
 * {@code execution-date}, else {@link #FALLBACK_NOW}, a fixed instant so that runs are
 * reproducible (crm_simulate would use the wall clock there).
 */
public final class ConformanceSuite {
    /**
     * "Now" for the cases that name no date: 2026-07-01T00:00:00Z, the date of the data's
     * Pacemaker snapshot, later than every timestamp in the inputs.
     */
    public static final Instant FALLBACK_NOW = Instant.parse("2026-07-01T00:00:00Z");
    /** How long one case may run before it counts as a failure. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;

    /** @param dir the data folder, e.g. {@code ../shared/pacemaker-scheduler} */
    public ConformanceSuite(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The cases of {@code cases.csv}, in file order.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line when it is not the expected CSV
     */
    public List<ConformanceCase> cases() throws IOException {
        Path csv = dir.resolve("cases.csv");
        return CaseCatalog.parse(Files.readAllLines(csv), csv.toString());
    }

    /** Runs every case of the list; never throws for a case's sake (see {@link CaseJudge}). */
    public ConformanceRun run(List<ConformanceCase> cases, Duration timeout) {
        long start = System.nanoTime();
        List<CaseResult> results = new ArrayList<>(cases.size());
        try (CaseJudge judge = new CaseJudge(dir, FALLBACK_NOW, timeout)) {
            for (ConformanceCase c : cases) results.add(judge.judge(c));
        }
        return new ConformanceRun(dir, results, Duration.ofNanos(System.nanoTime() - start));
    }
}
