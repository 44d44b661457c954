package pacer.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterConfigTest {
    private static final String NODES = "node n1 addr=10.0.0.1 nodeid=1\nnode n2 addr=10.0.0.2 nodeid=2\n"
            + "node n3 addr=10.0.0.3 nodeid=3\n";

    @Test
    void aFullFileReadsAsWritten() throws Exception {
        ClusterConfig c = ClusterConfig.parse("""
                # the web cluster
                cluster_name = webcluster
                port = 6000
                token = 3000      # ms
                two_node = 0
                wait_for_all = yes
                expected_votes = 5
                keyfile = /etc/pacer/other-key

                node n1 addr=10.0.0.1 nodeid=1
                node n2 addr=10.0.0.2 nodeid=2 port=6001
                node n3 addr=10.0.0.3 nodeid=3
                """, "cluster.conf");

        assertThat(c.clusterName()).isEqualTo("webcluster");
        assertThat(c.port()).isEqualTo(6000);
        assertThat(c.token()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.twoNode()).isFalse();
        assertThat(c.waitForAll()).isTrue();
        assertThat(c.expectedVotes()).isEqualTo(5);
        assertThat(c.keyFile()).isEqualTo(Path.of("/etc/pacer/other-key"));
        assertThat(c.nodes()).containsExactly(
                new ClusterConfig.Node("n1", 1, "10.0.0.1", 6000),
                new ClusterConfig.Node("n2", 2, "10.0.0.2", 6001),
                new ClusterConfig.Node("n3", 3, "10.0.0.3", 6000));
    }

    @Test
    void defaults() throws Exception {
        ClusterConfig c = ClusterConfig.parse("cluster_name = c\n" + NODES, "cluster.conf");

        assertThat(c.port()).isEqualTo(5405);
        assertThat(c.token()).isEqualTo(Duration.ofMillis(1000));
        assertThat(c.twoNode()).isFalse();
        assertThat(c.waitForAll()).isFalse();
        assertThat(c.expectedVotes()).as("one vote per node").isEqualTo(3);
        assertThat(c.keyFile()).isEqualTo(Path.of("/etc/pacer/authkey"));
    }

    @Test
    void twoNodeImpliesWaitForAllUnlessItIsTurnedOff() throws Exception {
        String two = "cluster_name = c\ntwo_node = 1\nnode a addr=10.0.0.1 nodeid=1\nnode b addr=10.0.0.2 nodeid=2\n";
        assertThat(ClusterConfig.parse(two, "f").waitForAll()).isTrue();
        assertThat(ClusterConfig.parse(two + "wait_for_all = 0\n", "f").waitForAll()).isFalse();
    }

    @Test
    void formatReadsBackToTheSameConfiguration() throws Exception {
        ClusterConfig c = ClusterConfig.parse("cluster_name = c\ntoken = 2500\nwait_for_all = 1\n"
                + NODES.replace("nodeid=3", "nodeid=3 port=7000"), "f");
        assertThat(ClusterConfig.parse(c.format(), "formatted")).isEqualTo(c);
    }

    @Test
    void loadNamesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("cluster.conf");
        assertThatThrownBy(() -> ClusterConfig.load(missing))
                .isInstanceOf(ClusterConfigException.class)
                .hasMessage(missing + ": file not found; write it (see docs/cluster-conf.md) or pass --config FILE");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("cluster_name = c\ntokn = 1000\n" + NODES,
                        "f:2: unknown setting 'tokn' (did you mean 'token'?); known settings: cluster_name, port, "
                                + "token, two_node, wait_for_all, expected_votes, keyfile, qdevice, qdevice_tie_breaker"),
                Arguments.of(NODES, "f: 'cluster_name' is missing; add a line 'cluster_name = NAME'"),
                Arguments.of("cluster_name = c\n", "f: there are no nodes; add a line 'node NAME addr=ADDRESS nodeid=N' per node"),
                Arguments.of("cluster_name = c\ntoken = fast\n" + NODES,
                        "f:2: token = fast is not a number from 100 to 600000 (milliseconds)"),
                Arguments.of("cluster_name = c\ntwo_node = maybe\n" + NODES,
                        "f:2: two_node = maybe is not a boolean; write 0 or 1"),
                Arguments.of("cluster_name = c\nport = 1\nport = 2\n" + NODES,
                        "f:3: 'port' is already set on line 2; keep one of them"),
                Arguments.of("cluster_name = c\nnode n1 addr=10.0.0.1\n",
                        "f:2: node n1: 'nodeid' is missing; add nodeid=N (a number from 1, unique in the cluster)"),
                Arguments.of("cluster_name = c\nnode n1 nodeid=1\n",
                        "f:2: node n1: 'addr' is missing; add addr=ADDRESS (the IP address it listens on)"),
                Arguments.of("cluster_name = c\nnode n1 addr=10.0.0.1 nodeid=1 ring0_addr=x\n",
                        "f:2: node n1: unknown key 'ring0_addr'; known keys: addr, nodeid, port"),
                Arguments.of("cluster_name = c\nnode n1 addr=10.0.0.1 nodeid=0\n",
                        "f:2: node n1: nodeid=0 is not a number from 1 to 2147483647"),
                Arguments.of("cluster_name = c\nnode n1 addr=10.0.0.1 nodeid=1\nnode n1 addr=10.0.0.2 nodeid=2\n",
                        "f:3: node n1: the name is already used on line 2; each node needs its own"),
                Arguments.of("cluster_name = c\nnode n1 addr=10.0.0.1 nodeid=1\nnode n2 addr=10.0.0.2 nodeid=1\n",
                        "f:3: node n2: nodeid 1 is already used on line 2; each node needs its own"),
                Arguments.of("cluster_name = c\nnode n1 addr=10.0.0.1 nodeid=1\nnode n2 addr=10.0.0.1 nodeid=2\n",
                        "f:3: node n2: address 10.0.0.1 port 5405 is already used on line 2; each node needs its own"),
                Arguments.of("cluster_name = c\ntwo_node = 1\n" + NODES,
                        "f:2: two_node is set but there are 3 nodes; two_node is for a cluster of exactly 2 nodes: "
                                + "remove it or the extra nodes\n"
                                + "f:2: two_node needs expected_votes = 2 (it is 3); remove expected_votes"),
                Arguments.of("cluster_name = c\nnode\n" + NODES,
                        "f:2: a node line needs a name: 'node NAME addr=ADDRESS nodeid=N'"),
                Arguments.of("cluster_name = c\njust words\n" + NODES,
                        "f:2: cannot read 'just words'; write 'setting = value' or 'node NAME addr=ADDRESS nodeid=N'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void mistakesNameTheLineAndTheFix(String text, String message) {
        assertThatThrownBy(() -> ClusterConfig.parse(text, "f"))
                .isInstanceOf(ClusterConfigException.class)
                .hasMessage(message);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> ClusterConfig.parse("tokn = 1\nport = x\nnode n1 nodeid=1\n", "f"))
                .isInstanceOfSatisfying(ClusterConfigException.class, e -> assertThat(e.problems())
                        .extracting(ClusterConfigException.Problem::line).containsExactlyInAnyOrder(1, 0, 2, 3));
    }

    @Test
    void nodeLookup() throws Exception {
        ClusterConfig c = ClusterConfig.parse("cluster_name = c\n" + NODES, "f");
        assertThat(c.node("n2")).map(ClusterConfig.Node::nodeId).contains(2);
        assertThat(c.node("n9")).isEmpty();
        assertThat(c.nodeNames()).isEqualTo(List.of("n1", "n2", "n3"));
    }

    private static final String TWO = "cluster_name = web\nnode n1 addr=10.0.0.1 nodeid=1\nnode n2 addr=10.0.0.2 nodeid=2\n";

    @Test
    void aQuorumDeviceAddsAVoteAndRoundTrips() throws Exception {
        ClusterConfig c = ClusterConfig.parse(TWO + "qdevice = n3:5500\nqdevice_tie_breaker = highest\n", "cluster.conf");

        assertThat(c.quorumDevice()).contains(new QuorumDevice("n3", 5500, "highest"));
        assertThat(c.expectedVotes()).isEqualTo(3);
        assertThat(c.twoNode()).isFalse();
        assertThat(ClusterConfig.parse(c.format(), "again")).isEqualTo(c);
    }

    @Test
    void quorumDeviceMistakesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> ClusterConfig.parse(TWO + "two_node = 1\nqdevice = n3\n", "cluster.conf"))
                .hasMessageContaining("cluster.conf:4: two_node and qdevice exclude each other");
        assertThatThrownBy(() -> ClusterConfig.parse(TWO + "qdevice = n3:99999\n", "cluster.conf"))
                .hasMessageContaining("cluster.conf:4: qdevice = n3:99999: the port is not a number");
        assertThatThrownBy(() -> ClusterConfig.parse(TWO + "qdevice = n3\nqdevice_tie_breaker = 7\n", "cluster.conf"))
                .hasMessageContaining("qdevice_tie_breaker = 7 is not lowest, highest or the nodeid of a node");
        assertThatThrownBy(() -> ClusterConfig.parse(TWO + "qdevice_tie_breaker = lowest\n", "cluster.conf"))
                .hasMessageContaining("there is no qdevice");
    }

    @Test
    void addingAndRemovingTheDeviceSwitchesTwoNodeAsPcsDoes() throws Exception {
        ClusterConfig two = ClusterConfig.parse(TWO + "two_node = 1\n", "cluster.conf");
        assertThat(two.twoNode()).isTrue();
        assertThat(two.waitForAll()).isTrue();

        ClusterConfig withDevice = two.withQuorumDevice(java.util.Optional.of(QuorumDevice.at("n3")));
        assertThat(withDevice.twoNode()).isFalse();
        assertThat(withDevice.waitForAll()).as("the wait_for_all two_node implied goes with it").isFalse();
        assertThat(withDevice.expectedVotes()).isEqualTo(3);
        assertThat(ClusterConfig.parse(withDevice.format(), "again")).isEqualTo(withDevice);

        ClusterConfig back = withDevice.withQuorumDevice(java.util.Optional.empty());
        assertThat(back).isEqualTo(two);
    }
}
