package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.LrmOperation;
import pacer.cib.NodeState;
import pacer.membership.Member;

/**
 * Nodes that leave and DCs that change, on the {@link ControllerCluster} (real JGroups, Dummy):
 * a clean stop moves the node's resources away and is not fenced; a DC killed while an action
 * runs elsewhere does not lose its result.
 */
class ControllerLifecycleTest {
    ControllerCluster cluster;

    @BeforeEach void setUp() throws Exception {
        assumeTrue(Files.isExecutable(ControllerClusterTest.DUMMY), "resource-agents is not installed");
        cluster = ControllerCluster.threeNodesWithFencing(false);
    }

    @AfterEach void tearDown() throws Exception {
        ControllerCluster.closeCheckingSafety(cluster);
    }

    @Test @DisplayName("Clean stop of a member: its resources move first, it leaves expected=down and is not fenced")
    void cleanStopMovesResourcesAndIsNotFenced() throws Exception {
        String dc = cluster.dc();
        String leaver = dc.equals("n2") ? "n3" : "n2";
        cluster.addDummy("d1", "2s", "");
        cluster.write(ControllerCluster.put("configuration/constraints",
                "<rsc_location id=\"loc-d1\" rsc=\"d1\" node=\"" + leaver + "\" score=\"200\"/>"));
        cluster.awaitRunningOn("d1", leaver);

        boolean released = cluster.stopCleanly(leaver);

        assertThat(released).as("the DC let " + leaver + " go before it left").isTrue();
        assertThat(cluster.runningOn("d1")).as("d1 stopped on " + leaver + " before it left").doesNotContain(leaver);
        String now = cluster.awaitRunningSomewhere("d1");
        assertThat(now).isNotEqualTo(leaver);
        await().atMost(ControllerCluster.PATIENCE).alias(leaver + " offline in the CIB, shutdown forgotten")
                .until(() -> cluster.cib().status().node(leaver).filter(s -> !s.inMembership()
                        && !s.transientAttributes().containsKey("shutdown")).isPresent());
        NodeState state = cluster.cib().status().node(leaver).orElseThrow();
        assertThat(state.attributes()).containsEntry("expected", "down");
        await().atMost(ControllerCluster.PATIENCE).alias("the scheduler is satisfied")
                .until(() -> pacer.scheduler.Scheduler.schedule(cluster.cib(), java.time.Instant.now()).graph().isEmpty());
        assertThat(cluster.fencer.requests).as("nobody fences a node that left cleanly").isEmpty();
    }

    @Test @DisplayName("The DC dies while a start runs elsewhere: the new DC records that start, which ran once")
    void newDcKeepsResultOfActionInFlight() throws Exception {
        List<Member> view = cluster.node("n1").bus.membership().members();
        String dc = view.get(0).name();
        String target = view.get(2).name(); // neither the DC nor the next one
        CompletableFuture<Void> gate = new CompletableFuture<>();
        cluster.node(target).agents.startGates.put("d2", gate);
        cluster.addDummy("d2", "2s", "");
        cluster.write(ControllerCluster.put("configuration/constraints",
                "<rsc_location id=\"loc-d2\" rsc=\"d2\" node=\"" + target + "\" score=\"200\"/>"));
        await().atMost(ControllerCluster.PATIENCE).alias("d2's start reached " + target)
                .until(() -> cluster.node(target).agents.starts.containsKey("d2"));

        cluster.crash(dc);
        gate.complete(null);

        await().atMost(ControllerCluster.PATIENCE).alias("d2's start recorded by the new DC")
                .until(() -> !cluster.dc().equals(dc) && lrmOp("d2", target, "d2_last_0")
                        .filter(op -> op.operation().equals("start") && op.rcCode() == 0).isPresent());
        cluster.awaitRunningOn("d2", target);
        await().atMost(ControllerCluster.PATIENCE).alias("d2 monitored on " + target)
                .until(() -> lrmOp("d2", target, "d2_monitor_2000").filter(op -> op.rcCode() == 0).isPresent());
        assertThat(cluster.node(target).agents.starts.get("d2").get()).as("starts of d2 on " + target).isEqualTo(1);
        assertThat(lrmOp("d2", target, "d2_last_failure_0")).isEmpty();
    }

    private Optional<LrmOperation> lrmOp(String rsc, String node, String id) {
        return cluster.cib().status().node(node).flatMap(s -> s.resources().stream().filter(l -> l.id().equals(rsc))
                .flatMap(l -> l.operations().stream()).filter(op -> op.id().equals(id)).findFirst());
    }
}
