package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seed's two-node cluster without fencing, with the quorum witness: in a split the side that
 * wins the witness's vote keeps (or takes) the resource, the other stops it by itself; once the
 * link returns the halves merge and exactly one copy runs, without a restart of the winner's copy.
 */
class ControllerWitnessTest {
    ControllerCluster cluster;

    @BeforeEach void setUp() throws Exception {
        assumeTrue(Files.isExecutable(ControllerClusterTest.DUMMY), "resource-agents is not installed");
        cluster = ControllerCluster.createWithWitness(Duration.ofMillis(1000), "n1", "n2");
        cluster.startWitness();
        cluster.startAll();
        cluster.withoutFencingSticky();
    }

    @AfterEach void tearDown() throws Exception {
        if (cluster != null) cluster.close();
    }

    @Test @DisplayName("split: n1 (lower id) keeps quorum; d1 ends on n1 only; after the heal it stays there, not restarted")
    void splitAndMerge() throws Exception {
        cluster.addDummy("d1", "2s", "");
        String first = cluster.awaitRunningSomewhere("d1");

        cluster.partition(List.of("n1"), List.of("n2"));
        await().atMost(ControllerCluster.PATIENCE).alias("n1 quorate alone, n2 not")
                .until(() -> cluster.node("n1").bus.membership().members().size() == 1
                        && cluster.node("n1").bus.membership().quorate()
                        && cluster.node("n2").bus.membership().members().size() == 1
                        && !cluster.node("n2").bus.membership().quorate());
        await().atMost(ControllerCluster.PATIENCE).alias("d1 on n1 only")
                .until(() -> cluster.runningOn("d1").equals(Set.of("n1")));
        long startsBeforeHeal = starts("d1", "n1");
        assertThat(first.equals("n1") ? startsBeforeHeal : startsBeforeHeal - 1)
                .as("d1 started on n1 once (if it moved there) and never restarted").isEqualTo(first.equals("n1") ? 1 : 0);

        cluster.heal();
        cluster.awaitMembers("n1", "n2");
        await().atMost(ControllerCluster.PATIENCE).until(() -> cluster.node("n1").bus.membership().quorate()
                && cluster.node("n2").bus.membership().quorate());
        cluster.awaitCibFollowsMembership();
        for (int i = 0; i < 15; i++) {
            Thread.sleep(200);
            assertThat(cluster.runningOn("d1")).as("one copy, on n1, after the merge").isEqualTo(Set.of("n1"));
        }
        assertThat(starts("d1", "n1")).as("the merge did not restart d1").isEqualTo(startsBeforeHeal);
    }

    private long starts(String rsc, String node) {
        return cluster.events.stream().filter(e -> e.kind() == ControllerEvent.Kind.DISPATCHED
                && e.detail().equals(rsc + "_start_0@" + node)).count();
    }
}
