package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A node that crashed and comes back after a reboot, with fencing disabled (the seed's
 * configuration): the CIB still holds what it ran before the crash, but its new executor knows
 * nothing; the DC must believe the executor (as Pacemaker's join erases the node's lrm state), probe,
 * and leave the resource where it runs now. Seen in the lab: the DC believed the old history, saw
 * the resource active twice, and stopped it on both nodes (an outage on failback).
 */
class ControllerRejoinTest {
    ControllerCluster cluster;

    @BeforeEach void setUp() throws Exception {
        assumeTrue(Files.isExecutable(ControllerClusterTest.DUMMY), "resource-agents is not installed");
        cluster = ControllerCluster.create(Duration.ofMillis(1000), "n1", "n2", "n3");
        cluster.startAll();
        cluster.withoutFencingSticky();
    }

    @AfterEach void tearDown() throws Exception {
        if (cluster != null) cluster.close();
    }

    @Test @DisplayName("a crashed node rebooted clean: its old history is replaced, the resource stays where it runs")
    void rebootedNodeDoesNotBringBackItsOldHistory() throws Exception {
        cluster.addDummy("d1", "2s", "");
        String first = cluster.awaitRunningSomewhere("d1");
        cluster.crash(first);
        Files.deleteIfExists(cluster.stateFile("d1", first)); // the reboot: nothing of it runs any more
        String second = cluster.awaitRunningSomewhere("d1");
        assertThat(second).isNotEqualTo(first);
        long stopsBefore = dispatched("d1_stop_0@" + second);

        cluster.start(first);
        cluster.awaitMembers("n1", "n2", "n3");
        cluster.awaitCibFollowsMembership();
        await().atMost(ControllerCluster.PATIENCE).alias("the old history of " + first + " is gone")
                .until(() -> cluster.cib().status().node(first).map(n -> n.resources().stream()
                        .allMatch(r -> r.operations().stream().noneMatch(op -> op.operation().equals("start")
                                && op.rcCode() == 0))).orElse(false));
        for (int i = 0; i < 15; i++) {
            Thread.sleep(200);
            assertThat(cluster.runningOn("d1")).as("d1 stays on " + second).isEqualTo(Set.of(second));
        }
        assertThat(dispatched("d1_stop_0@" + second)).as("d1 was not stopped on " + second).isEqualTo(stopsBefore);
    }

    private long dispatched(String detail) {
        return cluster.events.stream().filter(e -> e.kind() == ControllerEvent.Kind.DISPATCHED
                && e.detail().equals(detail)).count();
    }
}
