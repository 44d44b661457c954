package pacer.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The runner on a tiny data folder made here, so it does not depend on the shared data or the scheduler. */
class ConformanceRunnerTest {
    private static final String EMPTY_CIB = """
            <cib validate-with="pacemaker-3.0" epoch="1" num_updates="0" admin_epoch="0" execution-date="1000000000">
              <configuration><crm_config/><nodes/><resources/><constraints/></configuration>
              <status/>
            </cib>
            """;
    private static final String NOTHING = "Current cluster status:\n\nTransition Summary:\n\nRevised Cluster Status:\n";

    @TempDir
    Path tmp;
    Path data;

    record Run(int exitCode, String out) {
        String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    @BeforeEach
    void makeData() throws IOException {
        data = tmp.resolve("data");
        Files.createDirectories(data.resolve("xml"));
        Files.createDirectories(data.resolve("summary"));
        Files.writeString(data.resolve("cases.csv"), """
                case,tier,group,description,extra_args,features
                nothing,T1,basics,Nothing to do,,primitive
                ghost,T1,basics,Expects an impossible start,,primitive
                broken,T2,"groups, clones",Malformed XML,-t 2010-01-01,group
                unsummarized,T2,"groups, clones",No summary file,,group
                """);
        addCase("nothing", EMPTY_CIB, NOTHING);
        addCase("ghost", EMPTY_CIB, NOTHING.replace("Transition Summary:\n",
                "Transition Summary:\n  * Start      ghost     ( nowhere )\n"));
        addCase("broken", "<cib>\n  <configuration>\n</cib>\n", NOTHING);
        Files.writeString(data.resolve("xml/unsummarized.xml"), EMPTY_CIB);
    }

    private void addCase(String name, String xml, String summary) throws IOException {
        Files.writeString(data.resolve("xml/" + name + ".xml"), xml);
        Files.writeString(data.resolve("summary/" + name + ".summary"), summary);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = ConformanceRunner.commandLine(false);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(out, true));
        return new Run(cmd.execute(args), out.toString());
    }

    @Test
    @DisplayName("every case is judged, a throwing case fails without aborting the run, the report shows why")
    void runsAllCases() throws IOException {
        Path report = tmp.resolve("out/report.txt");
        Run run = run(data.toString(), "--report", report.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.lastLine()).isEqualTo("1 passed, 3 failed");
        assertThat(run.out()).contains("T1", "T2", "all", "Time: ");
        String text = Files.readString(report);
        assertThat(text).contains("PASS  nothing  [T1]", "FAIL  ghost  [T1]", "-* Start ghost ( nowhere )",
                "FAIL  broken  [T2]", "exception: ", "malformed XML", "FAIL  unsummarized",
                "cannot read the expected summary");
    }

    @Test
    @DisplayName("--tier and --case select cases; unknown ones are usage errors")
    void selects() {
        Run t1 = run(data.toString(), "--tier", "T1", "--report", tmp.resolve("r.txt").toString());
        assertThat(t1.lastLine()).isEqualTo("1 passed, 1 failed");
        Run one = run(data.toString(), "--case", "nothing", "--report", tmp.resolve("r.txt").toString());
        assertThat(one.lastLine()).isEqualTo("1 passed, 0 failed");
        assertThat(run(data.toString(), "--case", "nope").exitCode()).isEqualTo(2);
        assertThat(run(data.toString(), "--tier", "T9").exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("--check-passing exits 1 and names the listed cases that fail")
    void regressions() throws IOException {
        Path listed = Files.write(tmp.resolve("passing.txt"), List.of("# comment", "nothing", "ghost"));
        Run run = run(data.toString(), "--check-passing", listed.toString(), "--report", tmp.resolve("r.txt").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("REGRESSIONS: 1", "ghost");
        assertThat(run.lastLine()).isEqualTo("1 passed, 3 failed");

        Files.write(listed, List.of("nothing"));
        assertThat(run(data.toString(), "--check-passing", listed.toString(), "--report",
                tmp.resolve("r.txt").toString()).exitCode()).isZero();
    }

    @Test
    @DisplayName("--write-passing writes the passing names, keeping entries of cases a filter left out")
    void writesPassing() throws IOException {
        Path file = tmp.resolve("list/passing.txt");
        run(data.toString(), "--write-passing", file.toString(), "--report", tmp.resolve("r.txt").toString());
        assertThat(PassingList.read(file)).containsExactly("nothing");
        run(data.toString(), "--tier", "T2", "--write-passing", file.toString(), "--report",
                tmp.resolve("r.txt").toString());
        assertThat(PassingList.read(file)).containsExactly("nothing");
    }

    @Test
    @DisplayName("a folder without cases.csv exits 66 and names the file")
    void missingData() {
        Run run = run(tmp.resolve("nowhere").toString());
        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.out()).contains("cases.csv").doesNotContain("\tat ");
    }
}
