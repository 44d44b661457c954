package pacer.cli.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.report.CibReport;
import pacer.scheduler.simulate.SimulationResult;
import pacer.scheduler.simulate.SimulationTime;
import pacer.scheduler.simulate.Simulator;

/**
 * Runs one case and judges it: reads the expected Transition Summary, parses the case's CIB, runs
 * the {@link Simulator} at the case's "now" and compares the normalized summaries.
 *
 * <p>Whatever the case does, {@link #judge} returns a result: an exception (even a
 * {@link StackOverflowError}) or a run longer than the timeout makes a failing result that
 * describes it. The simulation runs on a worker thread with a large stack; after a timeout that
 * thread is abandoned (it is a daemon) and a fresh one serves the next case. Not thread-safe: one
 * judge serves one run.
 */
final class CaseJudge implements AutoCloseable {
    private static final long WORKER_STACK_BYTES = 256L << 20;
    private static final int TRACE_FRAMES = 15;

    private final Path dir;
    private final Instant fallbackNow;
    private final Duration timeout;
    private ExecutorService worker = newWorker();

    /**
     * @param dir the data folder, holding {@code xml/} and {@code summary/}
     * @param fallbackNow "now" for a case with neither {@code -t} nor an execution-date
     * @param timeout how long one case may take
     */
    CaseJudge(Path dir, Instant fallbackNow, Duration timeout) {
        this.dir = dir;
        this.fallbackNow = fallbackNow;
        this.timeout = timeout;
    }

    CaseResult judge(ConformanceCase c) {
        long start = System.nanoTime();
        List<String> problem = new ArrayList<>();
        Path summaryFile = dir.resolve("summary").resolve(c.name() + ".summary");
        List<String> expected = List.of();
        boolean expectedKnown = false;
        try {
            expected = TransitionSummary.extract(read(summaryFile));
            expectedKnown = true;
        } catch (IOException | IllegalArgumentException e) {
            problem.add("cannot read the expected summary " + summaryFile + ": " + e.getMessage());
        }
        Simulated simulated = new Simulated(List.of(), List.of());
        Future<Simulated> future = worker.submit(() -> simulate(c));
        try {
            simulated = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            problem.addAll(describe(e.getCause()));
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            problem.add("timed out after " + timeout.toSeconds() + " s (the simulation was abandoned)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem.add("interrupted");
        }
        return new CaseResult(c, expected, expectedKnown, simulated.summary(), problem, simulated.cibErrors(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private Simulated simulate(ConformanceCase c) throws IOException {
        Path xml = dir.resolve("xml").resolve(c.name() + ".xml");
        Cib cib = CibParser.parse(read(xml), xml.toString());
        Instant now = SimulationTime.now(cib, c.date(), fallbackNow);
        SimulationResult result = Simulator.simulate(cib, now, false);
        List<String> errors = result.reports().stream()
                .filter(r -> r.severity() == CibReport.Severity.ERROR).map(CibReport::render).toList();
        return new Simulated(TransitionSummary.normalize(result.transitionSummary()), errors);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** The exception and the top of its stack, then its causes, as report lines. */
    static List<String> describe(Throwable t) {
        List<String> lines = new ArrayList<>();
        String prefix = "exception: ";
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            lines.add(prefix + x);
            StackTraceElement[] frames = x.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, TRACE_FRAMES); i++) lines.add("    at " + frames[i]);
            if (frames.length > TRACE_FRAMES) lines.add("    ... " + (frames.length - TRACE_FRAMES) + " more");
            prefix = "caused by: ";
        }
        return lines;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(null, task, "conformance-case", WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** What a completed simulation yields: Pacer's normalized summary and the CIB's error reports. */
    private record Simulated(List<String> summary, List<String> cibErrors) {}
}
