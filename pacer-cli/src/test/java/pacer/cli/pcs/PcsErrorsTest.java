package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes get pcs's "Error: ..." lines naming the culprit and its closest match, exit 1, and an untouched file. */
class PcsErrorsTest {
    @TempDir
    Path dir;
    private Path file;
    private String before;

    @BeforeEach
    void seededFile() throws IOException {
        file = dir.resolve("cib.xml");
        Files.writeString(file, PcsCli.resource("seed-golden.xml"));
        before = Files.readString(file);
    }

    private PcsCli.Run pcs(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-f";
        all[1] = file.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return PcsCli.run(all);
    }

    private void assertFailedAndUntouched(PcsCli.Run run) throws IOException {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).endsWith("Error: Errors have occurred, therefore pcs is unable to continue\n");
        assertThat(Files.readString(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    @DisplayName("an unknown agent parameter names the closest one and writes nothing")
    void unknownParameter() throws IOException {
        PcsCli.Run run = pcs("resource", "create", "VIP2", "ocf:heartbeat:IPaddr2", "ip=192.168.33.98", "cidr_netmaks=24");
        assertThat(run.err()).contains("Error: invalid resource option 'cidr_netmaks' for agent 'ocf:heartbeat:IPaddr2'; "
                + "did you mean 'cidr_netmask'? (use --force to override)");
        assertFailedAndUntouched(run);
        assertThat(pcs("resource", "create", "VIP2", "ocf:heartbeat:IPaddr2", "ip=192.168.33.98", "cidr_netmaks=24", "--force")
                .exitCode()).isZero();
        assertThat(Files.readString(file)).contains("VIP2-instance_attributes-cidr_netmaks");
    }

    @Test
    @DisplayName("a missing required parameter is named")
    void missingRequired() throws IOException {
        PcsCli.Run run = pcs("resource", "create", "VIP2", "IPaddr2", "nic=eth1");
        assertThat(run.err()).contains("Assumed agent name 'ocf:heartbeat:IPaddr2' (deduced from 'IPaddr2')",
                "Error: required resource option 'ip' of agent 'ocf:heartbeat:IPaddr2' is missing, use --force to override");
        assertFailedAndUntouched(run);
    }

    @Test
    @DisplayName("an unknown resource suggests the closest: did you mean 'WebServer'?")
    void unknownResource() throws IOException {
        PcsCli.Run run = pcs("constraint", "colocation", "add", "WebServr", "with", "Cluster_VIP", "INFINITY");
        assertThat(run.err()).contains("Error: resource 'WebServr' does not exist; did you mean 'WebServer'?");
        assertFailedAndUntouched(run);
        assertFailedAndUntouched(pcs("resource", "delete", "WebServr"));
    }

    @Test
    @DisplayName("a bad score is refused, suggesting INFINITY, in both spellings")
    void badScore() throws IOException {
        PcsCli.Run run = pcs("constraint", "colocation", "add", "WebServer", "with", "Cluster_VIP", "INFINTY", "--force");
        assertThat(run.err()).contains("Error: invalid score 'INFINTY', use integer or INFINITY or -INFINITY; did you mean 'INFINITY'?");
        assertFailedAndUntouched(run);
        PcsCli.Run old = pcs("constraint", "colocation", "add", "WebServer", "Cluster_VIP", "INFINTY");
        assertThat(old.err()).contains("invalid score 'INFINTY'");
        assertFailedAndUntouched(old);
    }

    @Test
    @DisplayName("the same colocation twice is a duplicate unless forced")
    void duplicate() throws IOException {
        PcsCli.Run run = pcs("constraint", "colocation", "add", "WebServer", "with", "Cluster_VIP");
        assertThat(run.err()).contains("duplicate constraint already exists: colocation-WebServer-Cluster_VIP-INFINITY");
        assertFailedAndUntouched(run);
    }

    @Test
    @DisplayName("an unknown property names the closest one")
    void unknownProperty() throws IOException {
        PcsCli.Run run = pcs("property", "set", "stonith-enable=false");
        assertThat(run.err()).contains("Error: unknown cluster property 'stonith-enable'; did you mean 'stonith-enabled'?");
        assertFailedAndUntouched(run);
    }

    @Test
    @DisplayName("without -f and without a local pacerd, the CLI names the address, what to check, and -f")
    void withoutFile() {
        PcsCli.Run run = PcsCli.run("property", "set", "stonith-enabled=false");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: cannot reach pacerd's control API at ")
                .contains("Is pacerd running", "use -f FILE");
    }

    @Test
    @DisplayName("usage mistakes print the usage; unknown commands and options are named")
    void usage() throws IOException {
        PcsCli.Run run = pcs("resource", "craete", "X", "Dummy");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Error: unknown command 'resource craete'; did you mean 'create'?", "Usage:");
        assertThat(pcs("resource", "create", "X", "ocf:pacemaker:Dummy", "--bogus").err()).contains("unknown option '--bogus'");
        assertThat(pcs("resource", "create", "X", "ocf:pacemaker:Dummy", "op", "interval=10s").err())
                .contains("'op' must be followed by an operation name");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    @DisplayName("a CIB file that is not XML is named with line and column; nothing is written")
    void malformedFile() throws IOException {
        Files.writeString(file, "<cib><configuration>");
        PcsCli.Run run = pcs("property", "set", "maintenance-mode=true");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: unable to parse the CIB file: " + file);
        assertThat(Files.readString(file)).isEqualTo("<cib><configuration>");
    }

    @Test
    @DisplayName("a file that does not exist yet starts as an empty CIB, as with pcs")
    void newFile() throws IOException {
        Path fresh = dir.resolve("new.xml");
        assertThat(PcsCli.run("-f", fresh.toString(), "resource", "create", "D", "ocf:pacemaker:Dummy").exitCode()).isZero();
        assertThat(Files.readString(fresh)).contains("<primitive id=\"D\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">",
                "epoch=\"1\"");
    }
}
