package pacer.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.Test;
import pacer.qdevice.Qnetd;

/**
 * Two real nodes on JGroups and the real witness, all on loopback: the witness's vote keeps
 * exactly one side of a split quorate, lets a lone survivor carry on, and is not needed while
 * both nodes see each other.
 */
class QuorumDeviceTest {

    private static TestCluster twoNodesWithWitness() throws Exception {
        int port = TestCluster.freePorts(1).get(0);
        return TestCluster.builder("n1", "n2").quorumDevice(port).build();
    }

    @Test
    void aSplitLeavesExactlyOneSideQuorate_theLowerNodeId_andHealingBringsBothBack() throws Exception {
        try (TestCluster c = twoNodesWithWitness(); Qnetd witness = c.startWitness()) {
            assertThat(c.config().expectedVotes()).isEqualTo(3);
            assertThat(c.config().twoNode()).isFalse();
            c.startAll();
            c.awaitPartition("n1", "n2");
            await().atMost(TestCluster.PATIENCE).until(() -> c.quorate("n1") && c.quorate("n2"));

            c.partition(List.of("n1"), List.of("n2"));
            c.awaitPartition("n1");
            c.awaitPartition("n2");
            await().atMost(TestCluster.PATIENCE).until(() -> c.quorate("n1") && !c.quorate("n2"));
            // and it stays that way: the witness's vote does not wander to the other side
            for (int i = 0; i < 10; i++) {
                Thread.sleep(200);
                assertThat(c.quorate("n1") && !c.quorate("n2")).as("only n1 quorate").isTrue();
            }
            assertThat(c.dc("n2")).isEmpty();

            c.heal();
            c.awaitPartition("n1", "n2");
            await().atMost(TestCluster.PATIENCE).until(() -> c.quorate("n1") && c.quorate("n2"));
        }
    }

    @Test
    void theSurvivorOfACrashStaysQuorateWithTheWitnessVote() throws Exception {
        try (TestCluster c = twoNodesWithWitness(); Qnetd witness = c.startWitness()) {
            c.startAll();
            c.awaitPartition("n1", "n2");
            await().atMost(TestCluster.PATIENCE).until(() -> c.quorate("n1") && c.quorate("n2"));
            c.crash("n1"); // the lower id: the tie-breaker would have favoured it
            c.awaitPartition("n2");
            await().atMost(TestCluster.PATIENCE).until(() -> c.quorate("n2"));
            assertThat(c.dc("n2")).contains("n2");
            assertThat(c.node("n2").memberships).as("n2 was never without quorum on the way")
                    .allMatch(Membership::quorate);
        }
    }

    @Test
    void withoutTheWitnessBothNodesTogetherAreQuorate_butALoneNodeIsNot() throws Exception {
        try (TestCluster c = twoNodesWithWitness()) {
            c.startAll();
            c.awaitPartition("n1", "n2");
            await().atMost(TestCluster.PATIENCE).until(() -> c.quorate("n1") && c.quorate("n2"));
            c.crash("n2");
            c.awaitPartition("n1");
            await().atMost(TestCluster.PATIENCE).until(() -> !c.quorate("n1"));
        }
    }

    @Test
    void aWitnessWithoutThisClustersKeyGivesNoVote() throws Exception {
        try (TestCluster c = twoNodesWithWitness(); Qnetd witness = c.startWitness()) {
            java.nio.file.Files.write(Qnetd.keyFile(c.dir().resolve("qnetd"), c.config().clusterName()),
                    new byte[32]); // another key
            c.start("n1");
            c.awaitPartition("n1");
            Thread.sleep(1500);
            assertThat(c.quorate("n1")).isFalse();
            assertThat(witness.status()).anyMatch(l -> l.startsWith("Connected clients:") && l.endsWith(" 0"));
        }
    }

    @Test
    void aNodeStartingAloneWithTheWitnessIsQuorate() throws Exception {
        try (TestCluster c = twoNodesWithWitness(); Qnetd witness = c.startWitness()) {
            c.start("n2");
            c.awaitPartition("n2");
            await().atMost(TestCluster.PATIENCE).until(() -> c.quorate("n2"));
            assertThat(witness.status()).anyMatch(l -> l.contains("Vote holder:") && l.contains("[n2]"));
        }
    }
}
