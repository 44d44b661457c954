package pacer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.xml.XmlReader;

class SimulateCommandTest {
    static final String CIB = """
            <cib validate-with="pacemaker-3.0" epoch="1" num_updates="0" admin_epoch="0">
              <configuration>
                <crm_config/>
                <nodes><node id="1" uname="n1"/></nodes>
                <resources/>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    @DisplayName("a well-formed CIB prints crm_simulate's blocks and exits 0")
    void simulates() throws IOException {
        TestCli.Run run = TestCli.run("simulate", "-x", file("cib.xml", CIB).toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Current cluster status:", "Transition Summary:", "Revised Cluster Status:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("crm_simulate's -S, -s and -t are accepted")
    void crmSimulateOptions() throws IOException {
        TestCli.Run run = TestCli.run("simulate", "-S", "-s", "-t", "2005-020T12:30", "--xml-file",
                file("cib.xml", CIB).toString());
        assertThat(run.exitCode()).isZero();
    }

    @Test
    @DisplayName("-x - reads the CIB from standard input")
    void stdin() {
        TestCli.Run run = TestCli.runWithStdin(CIB, "simulate", "-x", "-");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Transition Summary:");
    }

    @Test
    @DisplayName("malformed XML exits 65 naming the file and the line, without a stack trace")
    void malformedXml() throws IOException {
        Path bad = file("bad.xml", "<cib>\n  <configuration>\n  </cib>\n");
        TestCli.Run run = TestCli.run("simulate", "-x", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(run.err()).startsWith("error: ").contains(bad + ":3:").doesNotContain("\tat ", "Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("malformed XML on standard input names stdin")
    void malformedStdin() {
        TestCli.Run run = TestCli.runWithStdin("<cib>\n<oops>\n", "simulate", "-x", "-");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(run.err()).contains("stdin:");
    }

    @Test
    @DisplayName("a missing file exits 66 naming the path")
    void missingFile() {
        String path = tmp.resolve("nope.xml").toString();
        TestCli.Run run = TestCli.run("simulate", "-x", path);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(run.err()).contains(path, "no such file").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("configuration errors are printed to stderr and the simulation still runs")
    void reportsGoToStderr() throws IOException {
        String noClass = CIB.replace("<resources/>", """
                <resources>
                  <primitive id="r1" type="Dummy"/>
                </resources>""");
        TestCli.Run run = TestCli.run("simulate", "-x", file("no-class.xml", noClass).toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("error: line ", "'r1'");
        assertThat(run.out()).contains("Transition Summary:");
    }

    @Test
    @DisplayName("-x is required; a bad date or format is a usage error (2) that says what is wrong")
    void usageErrors() throws IOException {
        String cib = file("cib.xml", CIB).toString();
        assertThat(TestCli.run("simulate").exitCode()).isEqualTo(ExitCodes.USAGE);
        TestCli.Run date = TestCli.run("simulate", "-x", cib, "-t", "2010-13-01");
        assertThat(date.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(date.err()).contains("'2010-13-01' is not a valid date", "MonthOfYear");
        assertThat(TestCli.run("simulate", "-x", cib, "--output-as", "yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    @DisplayName("simulate --help describes the options")
    void help() {
        TestCli.Run run = TestCli.run("simulate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--xml-file", "--date", "--show-scores", "--simulate", "--output-as");
    }

    @Test
    @DisplayName("--output-as xml is well-formed, --output-as json has every block")
    void machineReadable() throws IOException {
        String cib = file("cib.xml", CIB).toString();
        TestCli.Run xml = TestCli.run("simulate", "-x", cib, "--output-as", "xml");
        assertThat(xml.exitCode()).isZero();
        assertThat(XmlReader.parse(xml.out(), "output").name()).isEqualTo("pacer-simulate");
        TestCli.Run json = TestCli.run("simulate", "-x", cib, "--output-as", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out().strip()).startsWith("{").endsWith("}")
                .contains("\"current_status\"", "\"transition_summary\"", "\"executed\"", "\"revised_status\"",
                        "\"scores\"", "\"reports\"");
    }
}
