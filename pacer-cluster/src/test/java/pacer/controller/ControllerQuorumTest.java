package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.LrmOperation;

/**
 * no-quorum-policy on the node that loses quorum ({@link QuorumLoss}), on the
 * {@link ControllerCluster}: one of three nodes is cut off (paused: nothing in or out), so its
 * partition of one has no quorum and no DC. The majority fences it, but the fence is held back
 * until the test has seen what the cut-off node did by itself; then it runs, and the resources
 * start in the majority. The invariant "never active on two nodes" is checked throughout.
 */
class ControllerQuorumTest {
    ControllerCluster cluster;
    String victim;
    CompletableFuture<Void> fence = new CompletableFuture<>();

    @BeforeEach void setUp() throws Exception {
        assumeTrue(Files.isExecutable(ControllerClusterTest.DUMMY), "resource-agents is not installed");
        cluster = ControllerCluster.threeNodesWithFencing(false);
        String dc = cluster.dc();
        victim = dc.equals("n2") ? "n3" : "n2";
    }

    @AfterEach void tearDown() throws Exception {
        fence.complete(null);
        ControllerCluster.closeCheckingSafety(cluster);
    }

    @Test @DisplayName("no-quorum-policy=stop (default): the cut-off node stops its resources by itself, without a DC")
    void stopStopsLocally() throws Exception {
        runOnVictim("d1", "d2");
        cluster.fencer.holds.put(victim, fence);

        cluster.pause(victim);
        awaitQuorumLost("STOP");
        await().atMost(ControllerCluster.PATIENCE).alias("d1 and d2 stopped on " + victim)
                .until(() -> cluster.runningOn("d1").isEmpty() && cluster.runningOn("d2").isEmpty());
        assertThat(cluster.selfFenced).isEmpty();

        fence.complete(null);
        awaitElsewhere("d1", "d2");
    }

    @Test @DisplayName("no-quorum-policy=freeze: the cut-off node keeps what runs, and recovers nothing")
    void freezeKeepsRunningAndStartsNothing() throws Exception {
        cluster.property("no-quorum-policy", "freeze");
        runOnVictim("d1", "d2");
        cluster.fencer.holds.put(victim, fence);

        cluster.pause(victim);
        awaitQuorumLost("FREEZE");
        cluster.breakResource("d2", victim);
        Thread.sleep(3000); // room for a wrong stop or recovery on the cut-off node (not a timing assertion)
        assertThat(cluster.runningOn("d1")).as("d1 keeps running on " + victim).containsExactly(victim);
        assertThat(cluster.runningOn("d2")).as("d2 is not recovered").isEmpty();
        assertThat(cluster.node(victim).agents.starts.get("d2").get()).as("starts of d2 on " + victim).isEqualTo(1);

        fence.complete(null);
        awaitElsewhere("d1", "d2");
    }

    @Test @DisplayName("no-quorum-policy=suicide: the cut-off node runs its self-fence, once")
    void suicideSelfFences() throws Exception {
        cluster.property("no-quorum-policy", "suicide");
        runOnVictim("d1");
        cluster.fencer.holds.put(victim, fence);

        cluster.pause(victim);
        awaitQuorumLost("SELF_FENCE");
        await().atMost(ControllerCluster.PATIENCE).alias(victim + " fenced itself")
                .until(() -> cluster.selfFenced.contains(victim));
        assertThat(cluster.selfFenced).containsExactly(victim);

        fence.complete(null);
        awaitElsewhere("d1");
    }

    /** Dummies pinned to the victim, running and monitored there. */
    private void runOnVictim(String... resources) {
        for (String rsc : resources) {
            cluster.write(pacer.store.CibOperation.batch(java.util.List.of(
                    cluster.resource(rsc, "heartbeat", "Dummy", "1s", "", ""),
                    ControllerCluster.put("configuration/constraints", "<rsc_location id=\"loc-" + rsc + "\" rsc=\"" + rsc
                            + "\" node=\"" + victim + "\" score=\"200\"/>"))));
        }
        for (String rsc : resources) {
            cluster.awaitRunningOn(rsc, victim);
            await().atMost(ControllerCluster.PATIENCE).alias(rsc + " monitored on " + victim)
                    .until(() -> lrmOp(rsc, victim, rsc + "_monitor_1000").filter(op -> op.rcCode() == 0).isPresent());
        }
    }

    private void awaitQuorumLost(String reaction) {
        await().atMost(ControllerCluster.PATIENCE).alias(victim + " lost quorum (" + reaction + ")")
                .until(() -> cluster.events.stream().anyMatch(e -> e.kind() == ControllerEvent.Kind.QUORUM_LOST
                        && e.detail().equals(reaction)));
    }

    private void awaitElsewhere(String... resources) {
        for (String rsc : resources) {
            await().atMost(ControllerCluster.PATIENCE).alias(rsc + " running elsewhere than " + victim)
                    .until(() -> cluster.runsOnlyElsewhere(rsc, victim));
        }
        assertThat(cluster.fencer.count(victim)).as("fence requests for " + victim).isEqualTo(1);
    }

    private Optional<LrmOperation> lrmOp(String rsc, String node, String id) {
        return cluster.cib().status().node(node).flatMap(s -> s.resources().stream().filter(l -> l.id().equals(rsc))
                .flatMap(l -> l.operations().stream()).filter(op -> op.id().equals(id)).findFirst());
    }
}
