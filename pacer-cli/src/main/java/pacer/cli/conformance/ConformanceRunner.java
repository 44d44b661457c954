package pacer.cli.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import pacer.cli.CliException;
import pacer.cli.ExitCodes;
import pacer.cli.FailureHandler;
import pacer.cli.PacerVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/scheduler-conformance}: runs Pacemaker's scheduler regression cases through
 * Pacer's simulator and says how many pass. Prints the per-tier table and the timing, writes the
 * per-case report, optionally checks or writes the passing list, and always ends its output with
 * the line {@code N passed, M failed}.
 *
 * <p>Exit codes: 0 when the run completed (failing cases are normal while the scheduler grows);
 * 1 when {@code --check-passing} finds a regression; 2 for invalid usage; 65/66 when the data
 * folder is malformed or missing.
 */
@Command(name = "scheduler-conformance", mixinStandardHelpOptions = true, versionProvider = PacerVersion.class,
        sortOptions = false,
        description = {"Run Pacemaker's scheduler regression cases (DIR/cases.csv, DIR/xml, DIR/summary) through "
                + "Pacer's simulator and compare Transition Summaries."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:the run completed", " 1:a case of --check-passing FILE fails (a regression)",
            " 2:invalid usage", "65:cases.csv is malformed", "66:DIR or a named file is missing"})
public final class ConformanceRunner implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The data folder, e.g. ../shared/pacemaker-scheduler.")
    private Path dir;

    @Option(names = "--tier", paramLabel = "T", split = ",", description = "Run only these tiers (T1..T4).")
    private List<String> tiers = new ArrayList<>();

    @Option(names = "--case", paramLabel = "NAME", split = ",", description = "Run only these cases.")
    private List<String> caseNames = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "target/conformance-report.txt",
            description = "Where to write the per-case report. Default: ${DEFAULT-VALUE}.")
    private Path report;

    @Option(names = "--check-passing", paramLabel = "FILE",
            description = "Exit 1 if a case listed in FILE (that this run ran) fails.")
    private Path checkPassing;

    @Option(names = "--write-passing", paramLabel = "FILE",
            description = "Write the passing case names to FILE, sorted (cases this run left out keep their entry).")
    private Path writePassing;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long one case may run before it fails. Default: ${DEFAULT-VALUE}.")
    private long timeoutSeconds;

    /** Runs the suite and exits with its exit code. PACER_DEBUG=1 shows stack traces of bugs. */
    public static void main(String[] args) {
        boolean debug = !System.getenv().getOrDefault("PACER_DEBUG", "").isEmpty();
        System.exit(commandLine(debug).execute(args));
    }

    /** The command with Pacer's failure messages and exit codes installed. */
    public static CommandLine commandLine(boolean debug) {
        FailureHandler failures = new FailureHandler(debug);
        return new CommandLine(new ConformanceRunner())
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures)
                .setExitCodeExceptionMapper(failures);
    }

    @Override
    public Integer call() throws IOException {
        if (timeoutSeconds <= 0) throw new ParameterException(spec.commandLine(), "--timeout must be positive");
        PrintWriter out = spec.commandLine().getOut();
        ConformanceSuite suite = new ConformanceSuite(dir);
        List<ConformanceCase> all = catalog(suite);
        List<ConformanceCase> selected = select(all);
        SortedSet<String> listed = checkPassing == null ? new TreeSet<>() : readList(checkPassing);
        SortedSet<String> previous = writePassing == null || !Files.exists(writePassing)
                ? new TreeSet<>() : readList(writePassing);

        out.println("Scheduler conformance: " + selected.size() + " of " + all.size() + " cases from " + dir);
        out.flush();
        ConformanceRun run = suite.run(selected, Duration.ofSeconds(timeoutSeconds));
        writeReport(run);
        out.println();
        out.print(TierTable.render(run.results()));
        out.println("(non-empty: the cases whose expected Transition Summary is not empty)");
        out.println();
        out.println("Report: " + report);
        out.println(timing(run));

        int exit = ExitCodes.OK;
        if (checkPassing != null && !checkRegressions(out, run, listed, all)) exit = 1;
        if (writePassing != null) {
            Set<String> known = all.stream().map(ConformanceCase::name).collect(Collectors.toSet());
            SortedSet<String> updated = run.updatedPassing(previous);
            updated.retainAll(known);
            PassingList.write(writePassing, updated);
            out.println("Wrote " + updated.size() + " passing case names to " + writePassing);
        }
        out.println(run.passed() + " passed, " + run.failed() + " failed");
        out.flush();
        return exit;
    }

    private List<ConformanceCase> catalog(ConformanceSuite suite) throws IOException {
        try {
            return suite.cases();
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.NO_INPUT, "no conformance data: " + e.getFile()
                    + " does not exist (give the folder holding cases.csv, xml/ and summary/)");
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.DATA_ERROR, e.getMessage());
        }
    }

    private List<ConformanceCase> select(List<ConformanceCase> all) {
        Set<String> names = all.stream().map(ConformanceCase::name).collect(Collectors.toSet());
        List<String> unknown = caseNames.stream().filter(n -> !names.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no such case in " + dir.resolve("cases.csv")
                    + ": " + String.join(", ", unknown));
        }
        Set<String> knownTiers = all.stream().map(ConformanceCase::tier).collect(Collectors.toCollection(TreeSet::new));
        List<String> unknownTiers = tiers.stream().filter(t -> !knownTiers.contains(t)).toList();
        if (!unknownTiers.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no such tier: " + String.join(", ", unknownTiers)
                    + " (the tiers are " + String.join(", ", knownTiers) + ")");
        }
        return all.stream()
                .filter(c -> tiers.isEmpty() || tiers.contains(c.tier()))
                .filter(c -> caseNames.isEmpty() || caseNames.contains(c.name()))
                .toList();
    }

    private static SortedSet<String> readList(Path file) throws IOException {
        try {
            return PassingList.read(file);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.NO_INPUT, "the passing list " + file + " does not exist");
        }
    }

    private void writeReport(ConformanceRun run) throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(report, ReportFile.render(run));
    }

    /** Prints regressions and names that are not cases; true when there are none. */
    private boolean checkRegressions(PrintWriter out, ConformanceRun run, Set<String> listed,
                                     List<ConformanceCase> all) {
        Set<String> known = all.stream().map(ConformanceCase::name).collect(Collectors.toSet());
        List<String> strangers = listed.stream().filter(n -> !known.contains(n)).toList();
        List<String> regressions = run.regressions(listed);
        if (!strangers.isEmpty()) {
            out.println("NOT CASES: " + checkPassing + " lists names that are not in cases.csv: "
                    + String.join(", ", strangers));
        }
        if (!regressions.isEmpty()) {
            out.println("REGRESSIONS: " + regressions.size() + " case(s) listed in " + checkPassing
                    + " now fail (see the report): " + String.join(", ", regressions));
        } else {
            out.println("No regressions against " + checkPassing + " (" + listed.size() + " listed).");
        }
        return strangers.isEmpty() && regressions.isEmpty();
    }

    private static String timing(ConformanceRun run) {
        int n = run.results().size();
        double seconds = run.wallTime().toNanos() / 1e9;
        String slowest = run.slowest().map(r -> "; slowest: " + r.name() + " " + r.took().toMillis() + " ms").orElse("");
        return String.format("Time: %.2f s wall for %d cases (%.1f ms a case%s)", seconds, n,
                n == 0 ? 0.0 : seconds * 1000 / n, slowest);
    }
}
