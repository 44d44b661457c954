package pacer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.NodeState;

/**
 * The DC's version collection after a join, with the join race made deterministic on the fake
 * network: the joiner gets the DC's query before its own view, and its answer is lost (as the
 * bus dropped it before it learnt senders' addresses). The collection must neither hang nor lose
 * the joiner. Virtual time: the DC's re-asks happen only when the test advances the timers.
 */
class VersionCollectionTest {
    @TempDir Path root;
    private TestCluster cluster;
    private final LogCapture logs = new LogCapture(SyncRound.class);
    private final LogCapture cibLogs = new LogCapture(ReplicatedCib.class);

    @AfterEach void tearDown() {
        if (cluster != null) cluster.close();
        logs.close();
        cibLogs.close();
    }

    /** n1 and n2 run; n3 joins with its views held back and its answers to the DC dropped. */
    private void joinWithLostAnswer() {
        cluster = new TestCluster(root, "n1", "n2", "n3");
        cluster.start("n1");
        cluster.start("n2");
        cluster.awaitSettled();
        cluster.network.holdViews("n3");
        cluster.network.dropUnicastsOutsideView(true);
        cluster.start("n3");
        await().atMost(Duration.ofSeconds(20)).alias("n3's answer to the DC's query is dropped")
                .until(() -> cluster.network.dropped() > 0);
    }

    private boolean dcShowsMember(String node) {
        return cluster.node("n1").read().status().node(node).filter(NodeState::inMembership).isPresent();
    }

    @Test @DisplayName("Join race: the joiner's answer is lost; the DC asks again after the timeout and the joiner is in")
    void reasksAfterTimeout() {
        joinWithLostAnswer();
        assertThat(dcShowsMember("n3")).as("the collection cannot finish without n3's answer").isFalse();
        cluster.network.releaseViews("n3");
        cluster.network.dropUnicastsOutsideView(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.node("n3").bus().pending() == 0
                && cluster.node("n3").bus().membership() != null);

        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.timers.pending() > 0);
        cluster.timers.advance(TestCluster.ANSWER_TIMEOUT);
        cluster.awaitSettled();

        assertThat(dcShowsMember("n3")).isTrue();
        assertThat(logs.lines()).anySatisfy(l -> assertThat(l).startsWith("n1: ").contains("no CIB version yet from n3"));
        assertThat(cluster.node("n3").read().xml()).isEqualTo(cluster.node("n1").read().xml());
        assertThat(cluster.node("n3").write(Cibs.addPrimitive("after-join")).accepted()).isTrue();
    }

    @Test @DisplayName("A member that never answers: after the last timeout the DC goes on and names it")
    void goesOnWithoutSilentMember() {
        joinWithLostAnswer();

        for (int i = 0; i < SyncRound.ATTEMPTS; i++) {
            await().atMost(Duration.ofSeconds(20)).alias("the DC's re-ask timer is armed")
                    .until(() -> cluster.timers.pending() > 0);
            cluster.timers.advance(TestCluster.ANSWER_TIMEOUT);
        }
        await().atMost(Duration.ofSeconds(20)).alias("the DC wrote node_state for the new view")
                .until(() -> dcShowsMember("n3"));

        assertThat(logs.lines()).anySatisfy(l -> assertThat(l).startsWith("n1: ").contains("n3 did not answer after "
                + SyncRound.ATTEMPTS + " requests"));
        assertThat(cibLogs.lines()).anySatisfy(l -> assertThat(l).contains("(no answer from n3)"));
        assertThat(cluster.node("n2").write(Cibs.addPrimitive("while-n3-lags")).accepted()).isTrue();

        // n3 ignored the Adopt and updates while it had no view; the next update brings it level.
        cluster.network.releaseViews("n3");
        cluster.network.dropUnicastsOutsideView(false);
        cluster.awaitSettled();
        assertThat(cluster.node("n1").write(Cibs.addPrimitive("after-release")).accepted()).isTrue();
        cluster.awaitSettled();
        assertThat(cluster.node("n3").read().xml()).isEqualTo(cluster.node("n1").read().xml());
    }

    @Test @DisplayName("Without the fault, a joiner that gets the query before its view answers the DC at once")
    void answersBeforeItsOwnView() {
        cluster = new TestCluster(root, "n1", "n2", "n3");
        cluster.start("n1");
        cluster.start("n2");
        cluster.awaitSettled();
        cluster.network.holdViews("n3");
        cluster.start("n3");
        await().atMost(Duration.ofSeconds(20)).alias("the DC's collection finishes with n3's answer, no timer")
                .until(() -> dcShowsMember("n3"));
        assertThat(cluster.timers.pending()).as("no re-ask is armed").isZero();
        cluster.network.releaseViews("n3");
        cluster.awaitSettled();
        assertThat(logs.lines()).noneSatisfy(l -> assertThat(l).contains("asking again"));
    }
}
