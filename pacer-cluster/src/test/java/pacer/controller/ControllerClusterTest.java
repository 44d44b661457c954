package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.LrmOperation;

/**
 * Three pacerd nodes in one JVM on real JGroups (loopback), the real Dummy agent, the fake fencer.
 * Every test also checks, continuously, that no resource runs on two nodes at once.
 */
class ControllerClusterTest {
    static final Path DUMMY = Path.of("/usr/lib/ocf/resource.d/heartbeat/Dummy");

    ControllerCluster cluster;

    @BeforeEach void setUp() throws Exception {
        assumeTrue(Files.isExecutable(DUMMY), "resource-agents is not installed: apt-get install resource-agents");
        cluster = ControllerCluster.threeNodesWithFencing(true);
    }

    @AfterEach void tearDown() throws Exception {
        ControllerCluster.closeCheckingSafety(cluster);
    }

    @Test @DisplayName("Start where the scheduler says; failed monitor -> recover in place -> move at migration-threshold")
    void monitorFailureRecoversThenMoves() throws Exception {
        cluster.addDummy("d1", "1s", "<nvpair id=\"d1-mt\" name=\"migration-threshold\" value=\"2\"/>");
        String first = cluster.awaitRunningSomewhere("d1");
        awaitMonitorRecorded("d1", first);

        cluster.breakResource("d1", first);
        await().atMost(ControllerCluster.PATIENCE).alias("fail count 1 on " + first)
                .until(() -> cluster.transientAttribute(first, "fail-count-d1#monitor_1000").equals(Optional.of("1")));
        cluster.awaitRunningOn("d1", first);
        awaitMonitorRecorded("d1", first);

        cluster.breakResource("d1", first);
        await().atMost(ControllerCluster.PATIENCE).alias("d1 moved away from " + first)
                .until(() -> cluster.runsOnlyElsewhere("d1", first));
        assertThat(cluster.transientAttribute(first, "fail-count-d1#monitor_1000")).contains("2");
        assertThat(cluster.transientAttribute(first, "last-failure-d1#monitor_1000")).isPresent();
        assertThat(cluster.fencer.requests).isEmpty();
        await().atMost(ControllerCluster.PATIENCE).alias("the scheduler is satisfied by the recorded status")
                .until(() -> pacer.scheduler.Scheduler.schedule(cluster.cib(), java.time.Instant.now()).graph().isEmpty());
    }

    @Test @DisplayName("Node crash -> fenced exactly once -> resources elsewhere")
    void nodeCrashIsFencedOnce() throws Exception {
        String dc = cluster.dc();
        String victim = dc.equals("n2") ? "n3" : "n2";
        cluster.addDummy("d1", "2s", "");
        cluster.write(ControllerCluster.put("configuration/constraints",
                "<rsc_location id=\"loc-d1\" rsc=\"d1\" node=\"" + victim + "\" score=\"200\"/>"));
        cluster.awaitRunningOn("d1", victim);
        awaitMonitorRecorded("d1", victim);

        cluster.crash(victim);
        await().atMost(ControllerCluster.PATIENCE).alias("d1 running elsewhere than " + victim)
                .until(() -> cluster.runsOnlyElsewhere("d1", victim));
        String now = cluster.runningOn("d1").iterator().next();
        awaitMonitorRecorded("d1", now);
        assertThat(cluster.fencer.count(victim)).as("fence requests for " + victim).isEqualTo(1);
        assertThat(cluster.cib().status().node(victim)).hasValueSatisfying(s -> {
            assertThat(s.inMembership()).isFalse();
            assertThat(s.resources()).isEmpty();
        });
    }

    @Test @DisplayName("Standby empties a node; cleanup forgets failures and re-probes")
    void standbyAndCleanup() throws Exception {
        cluster.addDummy("d1", "1s", "");
        String first = cluster.awaitRunningSomewhere("d1");
        awaitMonitorRecorded("d1", first);
        ClusterOperations ops = new ClusterOperations(cluster.node(cluster.dc()).cib);

        assertThat(ops.standby(first, true).get().accepted()).isTrue();
        await().atMost(ControllerCluster.PATIENCE).alias("d1 left " + first)
                .until(() -> cluster.runsOnlyElsewhere("d1", first));
        String second = cluster.awaitRunningSomewhere("d1");
        awaitMonitorRecorded("d1", second);
        assertThat(ops.standby(first, false).get().accepted()).isTrue();

        cluster.breakResource("d1", second);
        await().atMost(ControllerCluster.PATIENCE).alias("fail count on " + second)
                .until(() -> cluster.transientAttribute(second, "fail-count-d1#monitor_1000").isPresent());
        cluster.awaitRunningOn("d1", second);
        awaitMonitorRecorded("d1", second);

        ops.cleanup("d1", Optional.empty()).get();
        await().atMost(ControllerCluster.PATIENCE).alias("failures forgotten, d1 re-probed everywhere")
                .until(() -> cluster.transientAttribute(second, "fail-count-d1#monitor_1000").isEmpty()
                        && Set.of("n1", "n2", "n3").stream().allMatch(n -> lrmOp("d1", n, "d1_last_0").isPresent()));
        await().atMost(ControllerCluster.PATIENCE).alias("d1 monitored again on " + second)
                .until(() -> lrmOp("d1", second, "d1_monitor_1000").filter(op -> op.rcCode() == 0).isPresent());
        assertThat(cluster.runningOn("d1")).containsExactly(second);
    }

    private void awaitMonitorRecorded(String rsc, String node) {
        await().atMost(ControllerCluster.PATIENCE).alias(rsc + " monitored on " + node)
                .until(() -> lrmOp(rsc, node, rsc + "_monitor_" + monitorInterval(rsc))
                        .filter(op -> op.rcCode() == 0 && op.opStatus() == 0).isPresent()
                        && lrmOp(rsc, node, rsc + "_last_0").filter(op -> op.operation().equals("start")).isPresent());
    }

    private long monitorInterval(String rsc) {
        return cluster.cib().configuration().resource(rsc).map(r -> ((pacer.cib.Primitive) r).operations().get(0).intervalMs())
                .orElse(0L);
    }

    private Optional<LrmOperation> lrmOp(String rsc, String node, String id) {
        return cluster.cib().status().node(node).flatMap(s -> s.resources().stream().filter(l -> l.id().equals(rsc))
                .flatMap(l -> l.operations().stream()).filter(op -> op.id().equals(id)).findFirst());
    }
}
