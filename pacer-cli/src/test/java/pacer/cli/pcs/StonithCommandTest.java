package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pcs stonith ...} on a CIB file, with the fake fence agent {@code fence_test}. */
class StonithCommandTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void seed() throws IOException {
        file = dir.resolve("cib.xml");
        Files.writeString(file, PcsCli.resource("seed-base.xml"));
    }

    private PcsCli.Run pcs(String... words) {
        String[] args = new String[words.length + 2];
        args[0] = "-f";
        args[1] = file.toString();
        System.arraycopy(words, 0, args, 2, words.length);
        return CatalogCli.run(args);
    }

    private PcsCli.Run create() {
        return pcs("stonith", "create", "fence1", "fence_test", "ip=192.168.33.1", "username=admin",
                "pcmk_host_list=n1 n2", "meta", "priority=10");
    }

    @Test
    void createWritesAStonithPrimitiveWithPcsIdsAndOnlyAMonitor() throws IOException {
        PcsCli.Run run = create();
        assertThat(run.exitCode()).as(run.err()).isZero();
        String cib = Files.readString(file);
        assertThat(cib).contains("<primitive id=\"fence1\" class=\"stonith\" type=\"fence_test\">")
                .contains("id=\"fence1-instance_attributes-ip\" name=\"ip\" value=\"192.168.33.1\"")
                .contains("name=\"pcmk_host_list\" value=\"n1 n2\"")
                .contains("id=\"fence1-meta_attributes-priority\"")
                .contains("id=\"fence1-monitor-interval-60s\"")
                .doesNotContain("fence1-start-").doesNotContain("fence1-stop-");
    }

    @Test
    void createChecksParametersAgainstTheFenceAgent() throws IOException {
        PcsCli.Run unknown = pcs("stonith", "create", "fence1", "fence_test", "ip=1.2.3.4", "usernme=admin");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("invalid resource option 'usernme'").contains("username")
                .contains("use --force to override");
        PcsCli.Run missing = pcs("stonith", "create", "fence1", "fence_test");
        assertThat(missing.err()).contains("required resource option 'ip' of agent 'stonith:fence_test' is missing");
        assertThat(Files.readString(file)).isEqualTo(PcsCli.resource("seed-base.xml"));
        assertThat(pcs("stonith", "create", "fence1", "fence_test", "--force").exitCode()).isZero();
    }

    @Test
    void createRefusesAResourceAgentOrUnknownFenceAgent() {
        PcsCli.Run ocf = pcs("stonith", "create", "f", "ocf:heartbeat:IPaddr2", "ip=1.2.3.4");
        assertThat(ocf.exitCode()).isEqualTo(1);
        assertThat(ocf.err()).contains("invalid stonith agent name 'ocf:heartbeat:IPaddr2'").contains("pcs stonith list");
        PcsCli.Run typo = pcs("stonith", "create", "f", "fence_tset", "ip=1.2.3.4");
        assertThat(typo.err()).contains("agent 'stonith:fence_tset' is not installed").contains("fence_test");
    }

    @Test
    void configAndStatusShowOnlyFenceDevices() {
        assertThat(pcs("stonith").out()).isEqualTo("NO stonith devices configured\n");
        create();
        pcs("resource", "create", "Dummy1", "ocf:pacemaker:Dummy");
        assertThat(pcs("stonith", "status").out()).isEqualTo("  * fence1\t(stonith:fence_test):\t Stopped\n");
        PcsCli.Run config = pcs("stonith", "config");
        assertThat(config.out()).startsWith("Resource: fence1 (class=stonith type=fence_test)\n")
                .contains("ip=192.168.33.1").contains("monitor: fence1-monitor-interval-60s").doesNotContain("Dummy1");
        assertThat(pcs("stonith", "config", "fenc1").err()).contains("unable to find stonith resource 'fenc1'")
                .contains("fence1");
    }

    @Test
    void updateAndDeleteActOnlyOnFenceDevices() throws IOException {
        create();
        pcs("resource", "create", "Dummy1", "ocf:pacemaker:Dummy");
        assertThat(pcs("stonith", "update", "fence1", "ip=10.0.0.1").exitCode()).isZero();
        assertThat(Files.readString(file)).contains("name=\"ip\" value=\"10.0.0.1\"");
        PcsCli.Run wrong = pcs("stonith", "update", "Dummy1", "fake=1");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("'Dummy1' is not a stonith resource, use 'pcs resource update'");
        assertThat(pcs("stonith", "delete", "Dummy1").err()).contains("use 'pcs resource delete'");
        PcsCli.Run delete = pcs("stonith", "delete", "fence1");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(Files.readString(file)).doesNotContain("fence1").contains("Dummy1");
    }

    @Test
    void disableAndEnableSetTargetRole() throws IOException {
        create();
        assertThat(pcs("stonith", "disable", "fence1").exitCode()).isZero();
        assertThat(Files.readString(file)).contains("name=\"target-role\" value=\"Stopped\"");
        assertThat(pcs("stonith", "status").out()).contains("Stopped (disabled)");
        assertThat(pcs("stonith", "enable", "fence1").exitCode()).isZero();
        assertThat(Files.readString(file)).doesNotContain("target-role");
    }

    @Test
    void listAndDescribeTheFenceAgents() {
        assertThat(pcs("stonith", "list").out()).isEqualTo("fence_test - Fence agent for tests\n");
        assertThat(pcs("stonith", "list", "--nodesc").out()).isEqualTo("fence_test\n");
        assertThat(pcs("stonith", "list", "xvm").err()).contains("no stonith agents matching the filter 'xvm'");
        PcsCli.Run describe = pcs("stonith", "describe", "fence_test");
        assertThat(describe.exitCode()).as(describe.err()).isZero();
        assertThat(describe.out()).startsWith("fence_test - Fence agent for tests\n\n"
                        + "fence_test pretends to fence nodes, for tests.\n\nStonith options:\n"
                        + "  ip (required): IP address or hostname of fencing device\n")
                .endsWith("Default operations:\n  monitor: interval=60s\n");
        assertThat(pcs("stonith", "describe", "fence_tst").err()).contains("unable to find agent 'fence_tst'")
                .contains("fence_test");
    }

    @Test
    void fenceRefusesAFile() {
        PcsCli.Run offline = pcs("stonith", "fence", "n1");
        assertThat(offline.exitCode()).isEqualTo(1);
        assertThat(offline.err()).contains("'pcs stonith fence' fences a node of the running cluster")
                .contains("run it without -f");
    }
}
