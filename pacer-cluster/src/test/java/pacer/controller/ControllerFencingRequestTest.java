package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.NodeState;
import pacer.fencing.FenceAction;
import pacer.store.CibOperation;

/**
 * An administrator's fencing request ({@link Controller#requestFencing}, {@code pcs stonith fence})
 * on the {@link ControllerCluster}: asked on a node that is not the DC, carried out by the DC's
 * fencer once, recorded as Pacemaker records a fencing (node_state down, no history) and the
 * fenced node's resource recovered elsewhere; refusals for an unknown node and a cluster without
 * fence devices.
 */
class ControllerFencingRequestTest {
    ControllerCluster cluster;

    @AfterEach void tearDown() throws Exception {
        ControllerCluster.closeCheckingSafety(cluster);
    }

    @Test @DisplayName("Fencing asked on a non-DC node: the DC fences once, records the node down, recovers its resource")
    void fencesThroughTheDcAndRecovers() throws Exception {
        assumeTrue(Files.isExecutable(ControllerClusterTest.DUMMY), "resource-agents is not installed");
        cluster = ControllerCluster.threeNodesWithFencing(true);
        String dc = cluster.dc();
        List<String> others = cluster.running().stream().filter(n -> !n.equals(dc)).sorted().toList();
        String victim = others.get(0);
        String asker = others.get(1);
        cluster.write(CibOperation.batch(List.of(cluster.resource("d1", "heartbeat", "Dummy", "2s", "", ""),
                ControllerCluster.put("configuration/constraints",
                        "<rsc_location id=\"loc-d1\" rsc=\"d1\" node=\"" + victim + "\" score=\"200\"/>"))));
        cluster.awaitRunningOn("d1", victim);

        FencingOutcome outcome = cluster.node(asker).controller.requestFencing(victim, FenceAction.OFF)
                .get(60, TimeUnit.SECONDS);

        assertThat(outcome.verdict()).as(outcome.detail()).isEqualTo(FencingOutcome.Verdict.FENCED);
        assertThat(outcome.device()).isEqualTo("fake");
        assertThat(cluster.fencer.requests).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo(victim);
            assertThat(r.action()).isEqualTo(FenceAction.OFF);
            assertThat(r.reason()).contains("administrator on " + asker);
        });
        await().atMost(ControllerCluster.PATIENCE).alias("d1 recovered elsewhere than " + victim)
                .until(() -> cluster.runsOnlyElsewhere("d1", victim));
        NodeState state = cluster.cib().status().node(victim).orElseThrow();
        assertThat(state.expected()).isEqualTo("down");
        assertThat(state.join()).isEqualTo("down");
        assertThat(state.resources()).as("the fenced node's history is forgotten").isEmpty();
        assertThat(cluster.fencer.count(victim)).as("fenced once, not again as a lost node").isEqualTo(1);
    }

    @Test @DisplayName("Unknown node and a cluster without fence devices are refused, nothing is fenced")
    void refusals() throws Exception {
        cluster = ControllerCluster.create(Duration.ofMillis(1000), "n1", "n2").startAll();
        String asker = cluster.running().stream().filter(n -> !n.equals(cluster.dc())).findFirst().orElseThrow();
        Controller controller = cluster.node(asker).controller;

        FencingOutcome unknown = controller.requestFencing("n9", FenceAction.REBOOT).get(60, TimeUnit.SECONDS);
        assertThat(unknown.verdict()).isEqualTo(FencingOutcome.Verdict.UNKNOWN_NODE);
        assertThat(unknown.detail()).contains("'n9'", "n1, n2");

        FencingOutcome noDevice = controller.requestFencing("n2", FenceAction.REBOOT).get(60, TimeUnit.SECONDS);
        assertThat(noDevice.verdict()).isEqualTo(FencingOutcome.Verdict.NO_DEVICE);
        assertThat(noDevice.detail()).contains("pcs stonith create");
        assertThat(cluster.fencer.requests).isEmpty();
    }
}
