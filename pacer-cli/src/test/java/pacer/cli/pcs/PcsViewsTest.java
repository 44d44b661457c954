package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only views of a CIB file in pcs 0.11's text, and the other editing commands through the CLI. */
class PcsViewsTest {
    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void seededFile() throws IOException {
        file = dir.resolve("cib.xml");
        Files.writeString(file, PcsCli.resource("seed-golden.xml"));
    }

    private PcsCli.Run pcs(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-f";
        all[1] = file.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        PcsCli.Run run = PcsCli.run(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    @DisplayName("resource config (and 0.9's resource show ID)")
    void resourceConfig() {
        String expected = """
                Resource: Cluster_VIP (class=ocf provider=heartbeat type=IPaddr2)
                  Attributes: Cluster_VIP-instance_attributes
                    cidr_netmask=24
                    ip=192.168.33.99
                    nic=eth1
                  Operations:
                    monitor: Cluster_VIP-monitor-interval-20s
                      interval=20s
                    start: Cluster_VIP-start-interval-0s
                      interval=0s
                      timeout=20s
                    stop: Cluster_VIP-stop-interval-0s
                      interval=0s
                      timeout=20s
                """;
        assertThat(pcs("resource", "config", "Cluster_VIP").out()).isEqualTo(expected);
        assertThat(pcs("resource", "show", "Cluster_VIP").out()).isEqualTo(expected);
        assertThat(pcs("resource", "config").out()).startsWith(expected).contains("Resource: WebServer (class=ocf provider=heartbeat type=apache)");
    }

    @Test
    @DisplayName("resource status (bare 'resource', and 0.9's 'resource show') lists crm_mon's resource lines")
    void resourceStatus() {
        String expected = "  * Cluster_VIP\t(ocf:heartbeat:IPaddr2):\t Stopped\n  * WebServer\t(ocf:heartbeat:apache):\t Stopped\n";
        assertThat(pcs("resource", "status").out()).isEqualTo(expected);
        assertThat(pcs("resource").out()).isEqualTo(expected);
        assertThat(pcs("resource", "show").out()).isEqualTo(expected);
    }

    @Test
    @DisplayName("constraint config (and 0.9's constraint list), with ids under --full")
    void constraintConfig() {
        pcs("constraint", "order", "Cluster_VIP", "then", "WebServer");
        pcs("constraint", "location", "WebServer", "prefers", "n1=50");
        String expected = """
                Location Constraints:
                  Resource: WebServer
                    Enabled on:
                      Node: n1 (score:50)
                Ordering Constraints:
                  start Cluster_VIP then start WebServer (kind:Mandatory)
                Colocation Constraints:
                  WebServer with Cluster_VIP (score:INFINITY)
                Ticket Constraints:
                """;
        assertThat(pcs("constraint").out()).isEqualTo(expected);
        assertThat(pcs("constraint", "list").out()).isEqualTo(expected);
        assertThat(pcs("constraint", "config", "--full").out()).contains(
                "Node: n1 (score:50) (id:location-WebServer-n1-50)",
                "WebServer with Cluster_VIP (score:INFINITY) (id:colocation-WebServer-Cluster_VIP-INFINITY)",
                "(kind:Mandatory) (id:order-Cluster_VIP-WebServer-mandatory)");
    }

    @Test
    @DisplayName("constraint location RSC rule ...: the options before the expression, shown as pcs 0.11.5 shows rules")
    void locationRule() throws IOException {
        pcs("constraint", "location", "WebServer", "rule", "score=-INFINITY", "not_defined", "pingd", "or", "pingd", "lte", "0");
        assertThat(Files.readString(file)).contains("<rsc_location id=\"location-WebServer\" rsc=\"WebServer\">",
                "id=\"location-WebServer-rule-expr-1\"");
        assertThat(pcs("constraint", "location", "config", "--full").out()).isEqualTo("""
                Location Constraints:
                  Resource: WebServer
                    Constraint: location-WebServer
                      Rule: boolean-op=or score=-INFINITY (id:location-WebServer-rule)
                        Expression: not_defined pingd (id:location-WebServer-rule-expr)
                        Expression: pingd lte 0 (id:location-WebServer-rule-expr-1)
                """);
        PcsCli.Run bad = PcsCli.run("-f", file.toString(), "constraint", "location", "WebServer", "rule", "score=5");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("no rule expression was given");
    }

    @Test
    @DisplayName("property config (and 0.9's property list)")
    void propertyConfig() {
        String expected = """
                Cluster Properties:
                 cluster-infrastructure: corosync
                 cluster-name: webcluster
                 dc-version: 2.1.5-a3f44794f94
                 have-watchdog: false
                 no-quorum-policy: ignore
                 stonith-enabled: false
                """;
        assertThat(pcs("property").out()).isEqualTo(expected);
        assertThat(pcs("property", "list").out()).isEqualTo(expected);
        assertThat(pcs("property", "config", "--all").out()).contains("\n symmetric-cluster: true\n");
    }

    @Test
    @DisplayName("move, ban and clear through the CLI; order prints what it adds")
    void moveBanClear() throws IOException {
        assertThat(pcs("constraint", "order", "Cluster_VIP", "then", "WebServer").err())
                .contains("Adding Cluster_VIP WebServer (kind: Mandatory) (Options: first-action=start then-action=start)");
        pcs("resource", "move", "Cluster_VIP", "n2");
        pcs("resource", "ban", "WebServer", "n1", "lifetime=PT1H");
        String xml = Files.readString(file);
        assertThat(xml).contains("id=\"cli-prefer-Cluster_VIP\"", "id=\"cli-ban-WebServer-on-n1-lifetime\"",
                "end=\"2024-03-01 11:00:00 +00:00\"");
        assertThat(pcs("resource", "clear", "WebServer").err()).contains("Removing constraint: cli-ban-WebServer-on-n1");
        assertThat(pcs("resource", "clear", "Cluster_VIP").err()).contains("Removing constraint: cli-prefer-Cluster_VIP");
        assertThat(Files.readString(file)).doesNotContain("cli-");
    }

    @Test
    @DisplayName("groups, clones, meta, ops, defaults and node standby through the CLI")
    void otherEdits() throws IOException {
        pcs("resource", "create", "D", "ocf:pacemaker:Dummy", "op", "monitor", "interval=30s", "meta", "migration-threshold=3",
                "--group", "G", "--disabled");
        pcs("resource", "op", "add", "D", "monitor", "interval=60s", "timeout=40s", "--force");
        pcs("resource", "op", "delete", "D-monitor-interval-60s");
        pcs("resource", "meta", "D", "resource-stickiness=100");
        pcs("resource", "enable", "D");
        pcs("resource", "defaults", "update", "resource-stickiness=50");
        pcs("resource", "op", "defaults", "timeout=240s");
        pcs("node", "standby", "n2");
        pcs("resource", "clone", "G");
        String xml = Files.readString(file);
        assertThat(xml).contains("<clone id=\"G-clone\">", "id=\"D-meta_attributes-migration-threshold\"",
                "id=\"D-meta_attributes-resource-stickiness\"", "id=\"rsc_defaults-meta_attributes-resource-stickiness\"",
                "id=\"op_defaults-meta_attributes-timeout\"", "id=\"nodes-2-standby\"")
                .doesNotContain("target-role", "D-monitor-interval-60s");
        assertThat(pcs("resource", "defaults").out()).isEqualTo("Meta Attrs: rsc_defaults-meta_attributes\n  resource-stickiness=50\n");
        pcs("resource", "unclone", "G");
        pcs("resource", "ungroup", "G");
        pcs("resource", "delete", "D");
        assertThat(Files.readString(file)).doesNotContain("\"D\"", "G-clone");
    }
}
