package pacer.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ClusterConfigEdit}: node ids, the two_node and expected-votes rules, refusals. */
class ClusterConfigEditTest {
    private static ClusterConfig parse(String text) throws ClusterConfigException {
        return ClusterConfig.parse(text, "test");
    }

    private static ClusterConfig twoNodes() throws ClusterConfigException {
        return parse("""
                cluster_name = web
                two_node = 1
                node n1 addr=10.0.0.1 nodeid=1
                node n2 addr=10.0.0.2 nodeid=2
                """);
    }

    /** The edit's result must survive its own file format: what the nodes will read. */
    private static ClusterConfig roundTrip(ClusterConfig c) throws ClusterConfigException {
        ClusterConfig back = parse(c.format());
        assertThat(back).isEqualTo(c);
        return back;
    }

    @Test void aThirdNodeTurnsTwoNodeAndItsWaitForAllOff() throws Exception {
        ClusterConfig three = roundTrip(ClusterConfigEdit.addNode(twoNodes(), "n3", "10.0.0.3", 5405));
        assertThat(three.nodes()).last().isEqualTo(new ClusterConfig.Node("n3", 3, "10.0.0.3", 5405));
        assertThat(three.twoNode()).isFalse();
        assertThat(three.waitForAll()).isFalse();
        assertThat(three.expectedVotes()).isEqualTo(3);
    }

    @Test void shrinkingToTwoBringsTwoNodeBack() throws Exception {
        ClusterConfig three = ClusterConfigEdit.addNode(twoNodes(), "n3", "10.0.0.3", 5405);
        ClusterConfig two = roundTrip(ClusterConfigEdit.removeNode(three, "n1"));
        assertThat(two.nodeNames()).containsExactly("n2", "n3");
        assertThat(two.twoNode()).isTrue();
        assertThat(two.waitForAll()).isTrue();
        assertThat(two.expectedVotes()).isEqualTo(2);
    }

    @Test void withAQuorumDeviceTwoNodeStaysOffAndTheDeviceVoteCounts() throws Exception {
        ClusterConfig withDevice = twoNodes().withQuorumDevice(Optional.of(new QuorumDevice("q", 5403, "lowest")));
        ClusterConfig three = roundTrip(ClusterConfigEdit.addNode(withDevice, "n3", "10.0.0.3", 5405));
        assertThat(three.expectedVotes()).isEqualTo(4);
        ClusterConfig two = roundTrip(ClusterConfigEdit.removeNode(three, "n3"));
        assertThat(two.twoNode()).isFalse();
        assertThat(two.expectedVotes()).isEqualTo(3);
        assertThat(two.quorumDevice()).isEqualTo(withDevice.quorumDevice());
    }

    @Test void anOwnWaitForAllStays() throws Exception {
        ClusterConfig three = parse("""
                cluster_name = web
                wait_for_all = 1
                node n1 addr=10.0.0.1 nodeid=1
                node n2 addr=10.0.0.2 nodeid=2
                node n3 addr=10.0.0.3 nodeid=3
                """);
        assertThat(ClusterConfigEdit.addNode(three, "n4", "10.0.0.4", 5405).waitForAll()).isTrue();
    }

    @Test void aNewNodeTakesTheLowestFreeNodeId() throws Exception {
        ClusterConfig gap = parse("""
                cluster_name = web
                node n1 addr=10.0.0.1 nodeid=1
                node n3 addr=10.0.0.3 nodeid=3
                node n4 addr=10.0.0.4 nodeid=4
                """);
        assertThat(ClusterConfigEdit.addNode(gap, "n5", "10.0.0.5", 5405).node("n5").orElseThrow().nodeId())
                .isEqualTo(2);
        ClusterConfig full = ClusterConfigEdit.addNode(gap, "n2", "10.0.0.2", 5405);
        assertThat(ClusterConfigEdit.addNode(full, "n5", "10.0.0.5", 5405).node("n5").orElseThrow().nodeId())
                .isEqualTo(5);
    }

    @Test void aNodeOnItsOwnPortKeepsIt() throws Exception {
        ClusterConfig c = roundTrip(ClusterConfigEdit.addNode(twoNodes(), "n3", "10.0.0.1", 5406));
        assertThat(c.node("n3").orElseThrow().port()).isEqualTo(5406);
    }

    @Test void refusals() throws Exception {
        ClusterConfig two = twoNodes();
        assertThatThrownBy(() -> ClusterConfigEdit.addNode(two, "n2", "10.0.0.9", 5405))
                .hasMessageContaining("node 'n2' is already in cluster 'web'");
        assertThatThrownBy(() -> ClusterConfigEdit.addNode(two, "n3", "10.0.0.2", 5405))
                .hasMessageContaining("address 10.0.0.2 port 5405 of node 'n3' is already used by node 'n2'");
        assertThatThrownBy(() -> ClusterConfigEdit.removeNode(two, "n9"))
                .hasMessageContaining("node 'n9' is not in cluster 'web'; its nodes are n1, n2");
        ClusterConfig one = ClusterConfigEdit.removeNode(two, "n2");
        assertThat(one.twoNode()).isFalse();
        assertThat(one.expectedVotes()).isEqualTo(1);
        assertThatThrownBy(() -> ClusterConfigEdit.removeNode(one, "n1"))
                .hasMessageContaining("No nodes would be left in the cluster");
    }

    @Test void withKeyFileKeepsTheQuorumDevice() throws Exception {
        ClusterConfig withDevice = ClusterConfigEdit.addNode(twoNodes(), "n3", "10.0.0.3", 5405)
                .withQuorumDevice(Optional.of(new QuorumDevice("q", 5403, "lowest")));
        ClusterConfig moved = ClusterConfigEdit.withKeyFile(withDevice, Path.of("/x/authkey"));
        assertThat(moved.keyFile()).isEqualTo(Path.of("/x/authkey"));
        assertThat(moved.quorumDevice()).isEqualTo(withDevice.quorumDevice());
        assertThat(moved.expectedVotes()).isEqualTo(4);
    }
}
