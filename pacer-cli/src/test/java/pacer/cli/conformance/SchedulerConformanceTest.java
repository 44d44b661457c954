package pacer.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pacemaker's scheduler regression cases, run through Pacer: fails when a case listed in
 * {@code conformance-passing.txt} (test resources) no longer passes. Prints the per-tier table and
 * writes {@code target/conformance-report.txt}. The data is read from {@code PACER_SHARED/pacemaker-scheduler},
 * where PACER_SHARED is the system property {@code pacer.shared} (the parent pom sets it to
 * {@code ../shared}) or else the environment variable {@code PACER_SHARED}; without the data the test
 * is skipped, saying where it looked.
 */
class SchedulerConformanceTest {
    private static final String PASSING = "/conformance-passing.txt";

    @Test
    @DisplayName("Pacemaker's scheduler regression cases: no listed case regresses")
    void noRegressions() throws IOException {
        Optional<Path> data = dataFolder();
        if (data.isEmpty()) {
            String why = "Skipping scheduler conformance: no pacemaker-scheduler/cases.csv under " + candidates()
                    + " (set -Dpacer.shared=DIR or PACER_SHARED=DIR to the shared folder)";
            System.out.println(why);
            assumeTrue(false, why);
        }

        ConformanceSuite suite = new ConformanceSuite(data.get());
        List<ConformanceCase> cases = suite.cases();
        ConformanceRun run = suite.run(cases, ConformanceSuite.DEFAULT_TIMEOUT);
        Path report = Path.of("target", "conformance-report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, ReportFile.render(run));
        System.out.println("Scheduler conformance (" + data.get() + "):\n" + TierTable.render(run.results())
                + "Report: " + report.toAbsolutePath() + "\n" + run.passed() + " passed, " + run.failed() + " failed");

        SortedSet<String> listed = passingList();
        Set<String> names = cases.stream().map(ConformanceCase::name).collect(Collectors.toSet());
        assertThat(listed).as("names in %s that are not cases of %s", PASSING, data.get())
                .allMatch(names::contains);
        assertThat(run.regressions(listed))
                .as("cases listed in %s that now fail (see %s)", PASSING, report.toAbsolutePath())
                .isEmpty();
    }

    private static SortedSet<String> passingList() throws IOException {
        try (InputStream in = SchedulerConformanceTest.class.getResourceAsStream(PASSING)) {
            assertThat(in).as("test resource %s", PASSING).isNotNull();
            return PassingList.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    private static Optional<Path> dataFolder() {
        return candidates().stream().map(p -> p.resolve("pacemaker-scheduler"))
                .filter(p -> Files.isRegularFile(p.resolve("cases.csv"))).findFirst();
    }

    private static List<Path> candidates() {
        List<Path> roots = new ArrayList<>();
        String property = System.getProperty("pacer.shared");
        if (property != null && !property.isBlank()) roots.add(Path.of(property));
        String env = System.getenv("PACER_SHARED");
        if (env != null && !env.isBlank()) roots.add(Path.of(env));
        return roots;
    }
}
