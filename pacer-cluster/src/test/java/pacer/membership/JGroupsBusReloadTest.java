package pacer.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link JGroupsBus#reloadNodes}: a running two-node cluster takes a third node without a restart
 * (real JGroups on loopback). Waits are eventual; nothing asserts a duration.
 */
class JGroupsBusReloadTest {
    private final List<JGroupsBus> buses = new ArrayList<>();
    private TestCluster files;

    @AfterEach
    void tearDown() throws Exception {
        buses.forEach(JGroupsBus::close);
        if (files != null) files.close();
    }

    private JGroupsBus start(ClusterConfig config, String name, ClusterKey key) throws Exception {
        JGroupsBus bus = new JGroupsBus(config, name, key);
        buses.add(bus);
        bus.start();
        return bus;
    }

    private static boolean sees(JGroupsBus bus, String... names) {
        Membership m = bus.membership();
        return m != null && m.members().stream().map(Member::name).toList().containsAll(List.of(names))
                && m.members().size() == names.length;
    }

    @Test
    @DisplayName("node add, live: a two-node cluster reloads a three-node list, the new node joins, and quorum counts three votes")
    void addANodeLive() throws Exception {
        files = TestCluster.builder("n1", "n2", "n3").build();
        ClusterConfig three = files.config();
        ClusterKey key = ClusterKey.load(three.keyFile(), three.clusterName());
        ClusterConfig two = ClusterConfigEdit.removeNode(three, "n3");
        assertThat(two.twoNode()).isTrue();

        JGroupsBus n1 = start(two, "n1", key);
        JGroupsBus n2 = start(two, "n2", key);
        await().atMost(TestCluster.PATIENCE).until(() -> sees(n1, "n1", "n2") && n1.membership().quorate());

        n1.reloadNodes(three);
        n2.reloadNodes(three);
        JGroupsBus n3 = start(three, "n3", key);
        await().atMost(TestCluster.PATIENCE).until(() -> sees(n1, "n1", "n2", "n3") && sees(n3, "n1", "n2", "n3")
                && n1.membership().quorate() && n3.membership().quorate());

        n2.close();
        n3.close();
        await().atMost(TestCluster.PATIENCE).until(() -> sees(n1, "n1"));
        await().atMost(TestCluster.PATIENCE).untilAsserted(() -> assertThat(n1.membership().quorate())
                .as("1 vote of 3 expected: no quorum (with the old two_node list it would be quorate)").isFalse());
    }

    @Test
    @DisplayName("reloadNodes refuses another cluster's configuration and one without this node")
    void refusals() throws Exception {
        files = TestCluster.builder("n1", "n2").build();
        ClusterConfig config = files.config();
        ClusterKey key = ClusterKey.load(config.keyFile(), config.clusterName());
        JGroupsBus n1 = start(config, "n1", key);
        ClusterConfig other = ClusterConfig.parse(config.format().replace("cluster_name = test", "cluster_name = other"),
                "other");
        assertThatThrownBy(() -> n1.reloadNodes(other)).hasMessageContaining("cluster 'other'");
        ClusterConfig withoutMe = ClusterConfigEdit.removeNode(config, "n1");
        assertThatThrownBy(() -> n1.reloadNodes(withoutMe)).hasMessageContaining("node n1 is not in the new node list");
    }
}
