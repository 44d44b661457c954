package pacer.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pacer.membership.TestCluster.PATIENCE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Membership on real JGroups stacks, several nodes in one JVM on loopback ({@link TestCluster}).
 * Only eventual states are asserted, with generous timeouts; no durations.
 */
class JGroupsBusTest {
    private TestCluster cluster;

    @AfterEach
    void tearDown() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Every node of the partition sees the same single DC (or none when not quorate). */
    private void assertOneDcPerPartition(String... partition) {
        Set<Optional<String>> dcs = new HashSet<>();
        for (String n : partition) {
            dcs.add(cluster.dc(n));
        }
        assertThat(dcs).as("DC as seen by each of %s", List.of(partition)).hasSize(1);
    }

    @Test
    @DisplayName("3 nodes join: one view of 3, quorate, one DC (the coordinator)")
    void threeNodesJoin() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");

        for (String n : List.of("n1", "n2", "n3")) {
            Membership m = cluster.bus(n).membership();
            assertThat(m.quorate()).isTrue();
            assertThat(m.dc()).contains(m.members().get(0));
        }
        assertOneDcPerPartition("n1", "n2", "n3");
        assertThat(cluster.bus("n2").membership().members()).extracting(Member::nodeId).containsOnly(1, 2, 3);
    }

    @Test
    @DisplayName("Clean leave: the others see 2 members and stay quorate")
    void cleanLeave() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");

        cluster.stop("n3");

        cluster.awaitPartition("n1", "n2");
        assertThat(cluster.quorate("n1")).isTrue();
        assertOneDcPerPartition("n1", "n2");
    }

    @Test
    @DisplayName("Crash (no leave, sockets closed): the others see the node gone")
    void crash() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");

        cluster.crash("n2");

        cluster.awaitPartition("n1", "n3");
        assertThat(cluster.quorate("n3")).isTrue();
        assertOneDcPerPartition("n1", "n3");
    }

    @Test
    @DisplayName("Partition 1|2: the minority loses quorum and has no DC; heal merges into one view of 3")
    void partitionAndHeal() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");

        cluster.partition(List.of("n1"), List.of("n2", "n3"));

        cluster.awaitPartition("n1");
        cluster.awaitPartition("n2", "n3");
        await().atMost(PATIENCE).until(() -> !cluster.quorate("n1"));
        assertThat(cluster.dc("n1")).isEmpty();
        assertThat(cluster.quorate("n2")).isTrue();
        assertThat(cluster.dc("n2")).isPresent();
        assertOneDcPerPartition("n2", "n3");

        cluster.heal();

        cluster.awaitPartition("n1", "n2", "n3");
        await().atMost(PATIENCE).until(() -> cluster.quorate("n1"));
        assertOneDcPerPartition("n1", "n2", "n3");
    }

    @Test
    @DisplayName("DC failover: kill the DC, the survivors agree on a new one")
    void dcFailover() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");
        String oldDc = cluster.dc("n1").orElseThrow();

        cluster.crash(oldDc);

        String[] survivors = cluster.running().toArray(String[]::new);
        cluster.awaitPartition(survivors);
        await().atMost(PATIENCE).until(() -> cluster.dc(survivors[0]).isPresent());
        assertThat(cluster.dc(survivors[0])).get().isNotEqualTo(oldDc);
        assertOneDcPerPartition(survivors);
    }

    @Test
    @DisplayName("Quorum lost when 2 of 3 die, regained when they come back")
    void quorumLossAndRegain() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");

        cluster.crash("n2");
        cluster.crash("n3");

        cluster.awaitPartition("n1");
        await().atMost(PATIENCE).until(() -> !cluster.quorate("n1"));
        assertThat(cluster.dc("n1")).isEmpty();

        cluster.start("n2");
        cluster.awaitPartition("n1", "n2");
        await().atMost(PATIENCE).until(() -> cluster.quorate("n1") && cluster.quorate("n2"));
        assertOneDcPerPartition("n1", "n2");
        assertThat(cluster.dc("n1")).isPresent();
    }

    @Test
    @DisplayName("no-quorum-policy=ignore: a partition without quorum still has its DC")
    void noQuorumIgnore() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").noQuorumIgnore().build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");

        cluster.crash("n2");
        cluster.crash("n3");

        cluster.awaitPartition("n1");
        assertThat(cluster.quorate("n1")).isFalse();
        assertThat(cluster.dc("n1")).contains("n1");
    }

    @Test
    @DisplayName("two_node: quorate with 1 of 2 once both were seen; the survivor keeps quorum and becomes DC")
    void twoNode() throws Exception {
        cluster = TestCluster.builder("n1", "n2").twoNode().build();
        cluster.start("n1");
        assertThat(cluster.quorate("n1")).as("two_node implies wait_for_all: alone after a cold start").isFalse();

        cluster.start("n2");
        cluster.awaitPartition("n1", "n2");
        await().atMost(PATIENCE).until(() -> cluster.quorate("n1") && cluster.quorate("n2"));

        String dc = cluster.dc("n1").orElseThrow();
        cluster.crash(dc);
        String survivor = dc.equals("n1") ? "n2" : "n1";
        cluster.awaitPartition(survivor);
        await().atMost(PATIENCE).until(() -> cluster.quorate(survivor));
        assertThat(cluster.dc(survivor)).contains(survivor);
    }

    @Test
    @DisplayName("wait_for_all: 2 of 3 after a cold start are not quorate until all 3 were seen; then 2 of 3 are")
    void waitForAllAfterColdStart() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").waitForAll().build();
        cluster.start("n1");
        cluster.start("n2");
        cluster.awaitPartition("n1", "n2");
        assertThat(cluster.quorate("n1")).isFalse();
        assertThat(cluster.quorate("n2")).isFalse();
        assertThat(cluster.dc("n1")).isEmpty();

        cluster.start("n3");
        cluster.awaitPartition("n1", "n2", "n3");
        await().atMost(PATIENCE).until(() -> cluster.quorate("n1") && cluster.quorate("n2") && cluster.quorate("n3"));

        cluster.crash("n3");
        cluster.awaitPartition("n1", "n2");
        assertThat(cluster.quorate("n1")).isTrue();
        assertOneDcPerPartition("n1", "n2");
    }

    @Test
    @DisplayName("wait_for_all: a restarted node joining a quorate partition with a node missing is released by its peers")
    void waitForAllRestartedNodeIsReleasedByPeers() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").waitForAll().build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");
        await().atMost(PATIENCE).until(() -> cluster.quorate("n1"));

        cluster.crash("n3");
        cluster.awaitPartition("n1", "n2");
        cluster.crash("n1");
        cluster.start("n1");

        cluster.awaitPartition("n1", "n2");
        await().atMost(PATIENCE).until(() -> cluster.quorate("n1") && cluster.quorate("n2"));
        assertOneDcPerPartition("n1", "n2");
    }

    @Test
    @DisplayName("A node with another cluster key never joins, and both sides log why")
    void wrongKeyNeverJoins(@TempDir Path tmp) throws Exception {
        Logger encryptLog = (Logger) LoggerFactory.getLogger(ClusterKeyEncrypt.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        encryptLog.addAppender(logged);
        try {
            cluster = TestCluster.builder("n1", "n2", "n3").build();
            cluster.start("n1");
            cluster.start("n2");
            cluster.awaitPartition("n1", "n2");
            Path otherKey = tmp.resolve("other-authkey");
            ClusterKey.generate(otherKey);

            cluster.start("n3", ClusterKey.load(otherKey, "test"));

            await().atMost(PATIENCE).alias("both sides log the key mismatch").until(() ->
                    rejections(logged, "n3").stream().anyMatch(m -> m.contains("from n1") || m.contains("from n2"))
                    && rejections(logged, "n1").stream().anyMatch(m -> m.contains("from n3")));
            assertThat(rejections(logged, "n1")).allMatch(m -> m.contains("cluster key mismatch"));
            assertThat(cluster.memberNames("n1")).containsExactlyInAnyOrder("n1", "n2");
            assertThat(cluster.memberNames("n2")).containsExactlyInAnyOrder("n1", "n2");
            assertThat(cluster.memberNames("n3")).containsExactly("n3");
            assertThat(cluster.quorate("n3")).isFalse();
            assertThat(cluster.node("n1").memberships).noneMatch(m -> m.contains("n3"));
        } finally {
            encryptLog.detachAppender(logged);
        }
    }

    private static List<String> rejections(ListAppender<ILoggingEvent> logged, String node) {
        return new ArrayList<>(logged.list).stream()
                .filter(e -> e.getKeyValuePairs() != null && e.getKeyValuePairs().stream()
                        .anyMatch(kv -> kv.key.equals("node") && String.valueOf(kv.value).equals(node)))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    @DisplayName("Broadcasts from each sender arrive at every member (sender included) in the order sent")
    void broadcastFifo() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");
        int count = 500;

        Thread other = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                cluster.bus("n2").broadcast(("n2-" + i).getBytes(StandardCharsets.UTF_8));
            }
        });
        other.start();
        for (int i = 0; i < count; i++) {
            cluster.bus("n1").broadcast(("n1-" + i).getBytes(StandardCharsets.UTF_8));
        }
        other.join();
        cluster.bus("n1").send(new Member("n3", 3), "direct".getBytes(StandardCharsets.UTF_8));

        for (String n : List.of("n1", "n2", "n3")) {
            await().atMost(PATIENCE).until(() -> cluster.node(n).messages.size() >= 2 * count);
            Map<String, List<String>> bySender = cluster.node(n).messages.stream()
                    .filter(r -> !r.text().equals("direct"))
                    .collect(Collectors.groupingBy(TestCluster.Received::from,
                            Collectors.mapping(TestCluster.Received::text, Collectors.toList())));
            for (String sender : List.of("n1", "n2")) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    expected.add(sender + "-" + i);
                }
                assertThat(bySender.get(sender)).as("%s's messages at %s", sender, n).isEqualTo(expected);
            }
        }
        await().atMost(PATIENCE).until(() -> cluster.node("n3").messages.contains(new TestCluster.Received("n1", "direct")));
        assertThat(cluster.node("n2").messages).doesNotContain(new TestCluster.Received("n1", "direct"));
    }

    @Test
    @DisplayName("A silent node (paused) is removed; once it resumes the partitions merge again")
    void pauseAndResume() throws Exception {
        cluster = TestCluster.builder("n1", "n2", "n3").token(Duration.ofMillis(1000)).build().startAll();
        cluster.awaitPartition("n1", "n2", "n3");

        cluster.pause("n3");
        cluster.awaitPartition("n1", "n2");

        cluster.resume("n3");
        cluster.awaitPartition("n1", "n2", "n3");
        assertOneDcPerPartition("n1", "n2", "n3");
    }

    @Test
    @DisplayName("A missing key file stops the node before it touches the network, saying how to fix it")
    void missingKeyFile(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("cluster.conf");
        Files.writeString(conf, "cluster_name = test\nkeyfile = " + tmp.resolve("authkey")
                + "\nnode n1 addr=127.0.0.1 nodeid=1\n");
        ClusterConfig config = ClusterConfig.load(conf);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JGroupsBus.open(config, "n1"))
                .hasMessageContaining("cluster key file " + tmp.resolve("authkey") + " not found")
                .hasMessageContaining("copy it from another node");
    }
}
