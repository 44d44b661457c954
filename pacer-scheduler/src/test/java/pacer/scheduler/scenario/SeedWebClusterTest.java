package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.scheduler.scenario.Summaries.normalized;
import static pacer.scheduler.scenario.Summaries.require;
import static pacer.scheduler.scenario.Summaries.waitsFor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.scheduler.Transition;
import pacer.scheduler.graph.GraphAction;
import pacer.scheduler.graph.TransitionGraph;

/**
 * The seed scenario's final configuration (two nodes, a floating IP and an Apache server that
 * must run where the IP is) through the events the lab injects: first start, clean node loss,
 * unclean node loss with fencing, a failed monitor, and a failed monitor past migration-threshold.
 * Expected summaries are what crm_simulate prints for the same CIB.
 */
class SeedWebClusterTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String IPADDR2 = "ocf:heartbeat:IPaddr2";
    static final String APACHE = "ocf:heartbeat:apache";
    static final Map<String, String> VIP_PARAMS = Map.of("ip", "192.168.33.99", "nic", "eth1", "cidr_netmask", "24");
    static final Map<String, String> WEB_PARAMS = Map.of("configfile", "/etc/apache2/apache2.conf",
            "statusurl", "http://127.0.0.1/server-status");

    static final String RESOURCES = """
            <primitive id="Cluster_VIP" class="ocf" provider="heartbeat" type="IPaddr2">
              <instance_attributes id="Cluster_VIP-instance_attributes">
                <nvpair id="Cluster_VIP-instance_attributes-ip" name="ip" value="192.168.33.99"/>
                <nvpair id="Cluster_VIP-instance_attributes-nic" name="nic" value="eth1"/>
                <nvpair id="Cluster_VIP-instance_attributes-cidr_netmask" name="cidr_netmask" value="24"/>
              </instance_attributes>
              <operations>
                <op id="Cluster_VIP-monitor-interval-20s" name="monitor" interval="20s"/>
              </operations>
            </primitive>
            <primitive id="WebServer" class="ocf" provider="heartbeat" type="apache">
              <instance_attributes id="WebServer-instance_attributes">
                <nvpair id="WebServer-instance_attributes-configfile" name="configfile" value="/etc/apache2/apache2.conf"/>
                <nvpair id="WebServer-instance_attributes-statusurl" name="statusurl" value="http://127.0.0.1/server-status"/>
              </instance_attributes>
              %s
              <operations>
                <op id="WebServer-monitor-interval-20s" name="monitor" interval="20s"/>
              </operations>
            </primitive>
            %s
            """;

    static final String COLOCATION = """
            <rsc_colocation id="colocation-WebServer-Cluster_VIP-INFINITY" rsc="WebServer" with-rsc="Cluster_VIP" score="INFINITY"/>
            """;

    static final String FENCE_DEVICE = """
            <primitive id="fence_lab" class="stonith" type="fence_dummy">
              <operations>
                <op id="fence_lab-monitor-60s" name="monitor" interval="60s"/>
              </operations>
            </primitive>
            """;

    /** The seed configuration: fencing off, quorum ignored; {@code webMeta} goes into WebServer. */
    static ScenarioCib seed(String webMeta) {
        return ScenarioCib.cib()
                .option("stonith-enabled", "false")
                .option("no-quorum-policy", "ignore")
                .nodes("n1", "n2")
                .resources(RESOURCES.formatted(webMeta, ""))
                .constraints(COLOCATION);
    }

    static NodeStateXml bothRunningOn(NodeStateXml node) {
        return node.running("Cluster_VIP", IPADDR2, 20_000, VIP_PARAMS).running("WebServer", APACHE, 20_000, WEB_PARAMS);
    }

    @Test
    @DisplayName("(a) nothing running: the VIP and the web server start together on one node, each then monitored every 20s")
    void firstStartPlacesBothOnOneNodeAndSchedulesMonitors() {
        Transition t = seed("").status(NodeStateXml.online("n1"), NodeStateXml.online("n2")).schedule(NOW);

        List<String> summary = normalized(t);
        assertThat(summary).hasSize(2);
        String node = summary.get(0).replaceAll(".*\\( (\\S+) \\)$", "$1");
        assertThat(node).isIn("n1", "n2");
        assertThat(summary).containsExactly("* Start Cluster_VIP ( " + node + " )", "* Start WebServer ( " + node + " )");

        TransitionGraph g = t.graph();
        GraphAction vipStart = require(g, "Cluster_VIP", "start", 0, node);
        GraphAction webStart = require(g, "WebServer", "start", 0, node);
        GraphAction vipMonitor = require(g, "Cluster_VIP", "monitor", 20_000, node);
        GraphAction webMonitor = require(g, "WebServer", "monitor", 20_000, node);
        assertThat(vipMonitor.inputs()).as("the VIP's 20s monitor waits for its start").contains(vipStart.id());
        assertThat(webMonitor.inputs()).as("the web server's 20s monitor waits for its start").contains(webStart.id());
        assertThat(g.actions()).as("nothing starts on the other node")
                .noneMatch(a -> a.operation().equals("start") && !a.node().equals(node));
    }

    @Test
    @DisplayName("(b) n1 leaves cleanly while running both: both start on n2")
    void cleanNodeLossStartsBothOnTheSurvivor() {
        Transition t = seed("")
                .status(bothRunningOn(NodeStateXml.offlineClean("n1")), NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start Cluster_VIP ( n2 )", "* Start WebServer ( n2 )");
        GraphAction vipStart = require(t.graph(), "Cluster_VIP", "start", 0, "n2");
        assertThat(require(t.graph(), "Cluster_VIP", "monitor", 20_000, "n2").inputs()).contains(vipStart.id());
        assertThat(t.graph().actions()).as("nothing is run on the offline node").noneMatch(a -> a.node().equals("n1")
                && a.kind() == GraphAction.Kind.RESOURCE);
    }

    @Test
    @DisplayName("(c) n1 lost uncleanly with fencing on: n1 is fenced first, then both move to n2")
    void uncleanNodeLossFencesThenMovesBoth() {
        Transition t = ScenarioCib.cib()
                .option("stonith-enabled", "true")
                .option("no-quorum-policy", "ignore")
                .nodes("n1", "n2")
                .resources(RESOURCES.formatted("", FENCE_DEVICE))
                .constraints(COLOCATION)
                .status(bothRunningOn(NodeStateXml.lost("n1")),
                        NodeStateXml.online("n2").running("fence_lab", "stonith:fence_dummy", 60_000, Map.of()))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Fence (reboot) n1 'peer is no longer part of the cluster'",
                "* Move Cluster_VIP ( n1 -> n2 )",
                "* Move WebServer ( n1 -> n2 )");
        TransitionGraph g = t.graph();
        GraphAction fence = g.actions().stream().filter(a -> a.kind() == GraphAction.Kind.FENCE).findFirst()
                .orElseThrow(() -> new AssertionError("no fencing action in the graph: " + Summaries.describe(g)));
        assertThat(fence.node()).isEqualTo("n1");
        assertThat(waitsFor(g, require(g, "Cluster_VIP", "start", 0, "n2"), fence))
                .as("the VIP starts on n2 only after n1 is fenced").isTrue();
        assertThat(waitsFor(g, require(g, "WebServer", "start", 0, "n2"), fence))
                .as("the web server starts on n2 only after n1 is fenced").isTrue();
    }

    @Test
    @DisplayName("(d) the web server's 20s monitor fails on n1: it is recovered in place, the VIP stays")
    void failedMonitorRecoversInPlace() {
        Transition t = seed("")
                .status(NodeStateXml.online("n1")
                                .running("Cluster_VIP", IPADDR2, 20_000, VIP_PARAMS)
                                .running("WebServer", APACHE, 0, WEB_PARAMS)
                                .op("WebServer", APACHE, "monitor", 20_000, 7, 0, 0, Map.of()),
                        NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Recover WebServer ( n1 )");
        TransitionGraph g = t.graph();
        GraphAction stop = require(g, "WebServer", "stop", 0, "n1");
        GraphAction start = require(g, "WebServer", "start", 0, "n1");
        assertThat(waitsFor(g, start, stop)).as("the restart stops before it starts").isTrue();
        assertThat(g.actions()).as("the VIP is left alone")
                .noneMatch(a -> a.resource().equals("Cluster_VIP") && !a.operation().equals("monitor"));
    }

    @Test
    @DisplayName("(e) the failed monitor reaches migration-threshold=1: the web server is banned from n1 and drags the VIP to n2")
    void failCountAtThresholdMovesBothThroughInfluence() {
        String threshold = """
                <meta_attributes id="WebServer-meta_attributes">
                  <nvpair id="WebServer-meta_attributes-migration-threshold" name="migration-threshold" value="1"/>
                </meta_attributes>""";
        long failedAt = NOW.getEpochSecond() - 30;
        Transition t = seed(threshold)
                .status(NodeStateXml.online("n1")
                                .transientAttribute("fail-count-WebServer#monitor_20000", "1")
                                .transientAttribute("last-failure-WebServer#monitor_20000", Long.toString(failedAt))
                                .running("Cluster_VIP", IPADDR2, 20_000, VIP_PARAMS)
                                .running("WebServer", APACHE, 0, WEB_PARAMS)
                                .op("WebServer", APACHE, "monitor", 20_000, 7, 0, 0,
                                        Map.of("last-rc-change", Long.toString(failedAt))),
                        NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Move Cluster_VIP ( n1 -> n2 )",
                "* Recover WebServer ( n1 -> n2 )");
        assertThat(require(t.graph(), "WebServer", "start", 0, "n2")).isNotNull();
        assertThat(require(t.graph(), "Cluster_VIP", "start", 0, "n2")).isNotNull();
    }
}
