package pacer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.store.Cibs.addPrimitive;
import static pacer.store.Cibs.hasPrimitive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.Cib;
import pacer.cib.CibVersion;
import pacer.cib.NodeState;
import pacer.cib.xml.XmlElement;

class ReplicatedCibTest {
    @TempDir Path root;
    private TestCluster cluster;
    private final LogCapture logs = new LogCapture(ReplicatedCib.class);

    @AfterEach void tearDown() {
        if (cluster != null) cluster.close();
        logs.close();
    }

    private TestCluster three() {
        cluster = TestCluster.started(root, "n1", "n2", "n3");
        return cluster;
    }

    private void assertSameCib(String... names) {
        XmlElement first = cluster.node(names[0]).read().xml();
        for (String n : names) assertThat(cluster.node(n).read().xml()).as(n).isEqualTo(first);
    }

    @Test @DisplayName("A write on a member goes through the DC, reaches everyone, and is readable locally when acknowledged")
    void forwardedWrite() {
        three();
        assertThat(cluster.dcSeenBy("n3").name()).isEqualTo("n1");
        CibVersion before = cluster.node("n3").read().version();

        WriteResult r = cluster.node("n3").write(addPrimitive("web"));

        assertThat(r.accepted()).isTrue();
        assertThat(r.version()).isEqualTo(before.nextEpoch());
        assertThat(hasPrimitive(cluster.node("n3").read(), "web")).isTrue(); // read-your-writes
        cluster.awaitSettled();
        assertSameCib("n1", "n2", "n3");
    }

    @Test @DisplayName("An invalid write from a member is rejected with the reasons; no node changes")
    void invalidForwardedWrite() {
        three();
        CibVersion before = cluster.node("n1").read().version();
        WriteResult r = cluster.node("n2").write(CibOperation.put("configuration/resources",
                Cibs.xml("<primitive id=\"half\" class=\"ocf\" type=\"Dummy\"/>")));
        assertThat(r.accepted()).isFalse();
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("half").contains("provider="));
        cluster.awaitSettled();
        for (TestCluster.Node n : cluster.running()) assertThat(n.read().version()).isEqualTo(before);
    }

    @Test @DisplayName("Concurrent writes from every node are applied once each, in one order, with strictly increasing versions")
    void concurrentWrites() {
        three();
        Map<String, List<CibVersion>> seen = new ConcurrentHashMap<>();
        for (TestCluster.Node n : cluster.running()) {
            List<CibVersion> list = Collections.synchronizedList(new ArrayList<>());
            seen.put(n.name(), list);
            n.store().addListener(cib -> list.add(cib.version()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<CompletableFuture<WriteResult>> results = new ArrayList<>();
        for (TestCluster.Node n : cluster.running()) {
            for (int i = 0; i < 20; i++) {
                String id = n.name() + "-r" + i;
                results.add(CompletableFuture.supplyAsync(() -> n.cib().write(addPrimitive(id)), pool).thenCompose(f -> f));
            }
        }
        List<WriteResult> answers = results.stream().map(Cibs::get).toList();
        pool.shutdown();
        cluster.awaitSettled();

        assertThat(answers).allMatch(WriteResult::accepted);
        assertThat(answers.stream().map(WriteResult::version)).doesNotHaveDuplicates();
        assertSameCib("n1", "n2", "n3");
        assertThat(cluster.node("n2").read().configuration().resources()).hasSize(60);
        List<CibVersion> dcOrder = seen.get("n1");
        assertThat(dcOrder).isSorted().doesNotHaveDuplicates().hasSize(60);
        assertThat(seen.get("n2")).isEqualTo(dcOrder);
        assertThat(seen.get("n3")).isEqualTo(dcOrder);
    }

    @Test @DisplayName("node_state follows membership; a new DC takes over when the DC leaves")
    void nodeStateFollowsMembership() {
        three();
        Cib cib = cluster.node("n2").read();
        assertThat(cib.status().nodes()).extracting(NodeState::uname).containsExactly("n1", "n2", "n3");
        assertThat(cib.status().nodes()).allMatch(NodeState::inMembership).allMatch(NodeState::controllerOnline);
        assertThat(cib.dcUuid()).contains("1");
        assertThat(cib.hasQuorum()).isTrue();

        cluster.stop("n1");
        cluster.awaitSettled();

        Cib after = cluster.node("n3").read();
        assertThat(after.dcUuid()).contains("2");
        NodeState n1 = after.status().node("n1").orElseThrow();
        assertThat(n1.inMembership()).isFalse();
        assertThat(n1.controllerOnline()).isFalse();
        assertThat(n1.join()).isEqualTo("down");
        assertThat(cluster.node("n3").write(addPrimitive("after-failover")).accepted()).isTrue();
        cluster.awaitSettled();
        assertSameCib("n2", "n3");
    }

    @Test @DisplayName("Without quorum a write is refused with a clear error; the majority keeps writing")
    void noQuorumRefused() {
        three();
        cluster.network.partition(Set.of("n1", "n2"), Set.of("n3"));
        cluster.awaitSettled();
        CibVersion minority = cluster.node("n3").read().version();

        WriteResult refused = cluster.node("n3").write(addPrimitive("lonely"));

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.reasons()).singleElement().asString()
                .contains("partition of n3 has no quorum").contains("no-quorum-policy is stop");
        assertThat(cluster.node("n3").read().version()).isEqualTo(minority);
        assertThat(cluster.node("n2").write(addPrimitive("majority")).accepted()).isTrue();

        cluster.network.heal();
        cluster.awaitSettled();
        assertSameCib("n1", "n2", "n3");
        assertThat(hasPrimitive(cluster.node("n3").read(), "majority")).isTrue();
        assertThat(hasPrimitive(cluster.node("n3").read(), "lonely")).isFalse();
    }

    @Test @DisplayName("Quorum lost and regained within the same view: writes are refused, then accepted")
    void quorumChangeInSameView() {
        three();
        cluster.network.setQuorate(false);
        cluster.awaitSettled();
        assertThat(cluster.node("n2").write(addPrimitive("refused")).reasons()).singleElement().asString()
                .contains("has no quorum");
        cluster.network.setQuorate(true);
        cluster.awaitSettled();
        assertThat(cluster.node("n2").write(addPrimitive("accepted")).accepted()).isTrue();
    }

    @Test @DisplayName("With no-quorum-policy=ignore a partition without quorum may write")
    void noQuorumIgnore() {
        three();
        assertThat(cluster.node("n1").write(Cibs.clusterProperty("no-quorum-policy", "ignore")).accepted()).isTrue();
        cluster.awaitSettled();
        cluster.network.partition(Set.of("n1", "n2"), Set.of("n3"));
        cluster.awaitSettled();
        assertThat(cluster.node("n3").write(addPrimitive("lonely")).accepted()).isTrue();
    }

    @Test @DisplayName("Merge after a partition: the higher version wins and the losing side logs what it discards")
    void mergeMajorityWins() {
        three();
        cluster.node("n1").write(Cibs.clusterProperty("no-quorum-policy", "ignore"));
        cluster.awaitSettled();
        cluster.network.partition(Set.of("n1", "n2"), Set.of("n3"));
        cluster.awaitSettled();
        cluster.node("n2").write(addPrimitive("left-1"));
        cluster.node("n1").write(addPrimitive("left-2"));
        assertThat(cluster.node("n3").write(addPrimitive("right-1")).accepted()).isTrue();
        cluster.awaitSettled();
        CibVersion loser = cluster.node("n3").read().version();
        CibVersion winner = cluster.node("n1").read().version();
        assertThat(winner).isGreaterThan(loser);

        cluster.network.heal();
        cluster.awaitSettled();

        assertSameCib("n1", "n2", "n3");
        Cib merged = cluster.node("n3").read();
        assertThat(hasPrimitive(merged, "left-2")).isTrue();
        assertThat(hasPrimitive(merged, "right-1")).isFalse();
        assertThat(logs.lines()).contains("n3: Discarding local CIB " + loser + " in favour of " + winner + " from n1");
    }

    @Test @DisplayName("Merge after a partition: a minority with the higher version wins, as in Pacemaker")
    void mergeHigherMinorityWins() {
        three();
        cluster.node("n1").write(Cibs.clusterProperty("no-quorum-policy", "ignore"));
        cluster.awaitSettled();
        cluster.network.partition(Set.of("n1", "n2"), Set.of("n3"));
        cluster.awaitSettled();
        cluster.node("n1").write(addPrimitive("left-1"));
        for (int i = 1; i <= 3; i++) cluster.node("n3").write(addPrimitive("right-" + i));
        cluster.awaitSettled();
        CibVersion loser = cluster.node("n1").read().version();
        CibVersion winner = cluster.node("n3").read().version();

        cluster.network.heal();
        cluster.awaitSettled();

        assertSameCib("n1", "n2", "n3");
        assertThat(hasPrimitive(cluster.node("n1").read(), "right-3")).isTrue();
        assertThat(hasPrimitive(cluster.node("n1").read(), "left-1")).isFalse();
        assertThat(logs.lines()).contains(
                "n1: Discarding local CIB " + loser + " in favour of " + winner + " from n3",
                "n2: Discarding local CIB " + loser + " in favour of " + winner + " from n3");
    }

    @Test @DisplayName("The whole cluster restarts from disk at the version it had")
    void restartFromDisk() {
        three();
        cluster.node("n2").write(addPrimitive("kept"));
        cluster.awaitSettled();
        CibVersion version = cluster.node("n1").read().version();
        cluster.close();

        cluster = TestCluster.started(root, "n1", "n2", "n3");

        assertThat(hasPrimitive(cluster.node("n3").read(), "kept")).isTrue();
        // node_state is rewritten after the restart, so only num_updates may have moved
        assertThat(cluster.node("n3").read().version().epoch()).isEqualTo(version.epoch());
        assertSameCib("n1", "n2", "n3");
    }

    @Test @DisplayName("A corrupt file is set aside on restart and the node takes the cluster's copy")
    void corruptFileReplacedFromPeers() throws IOException {
        three();
        cluster.node("n1").write(addPrimitive("before"));
        cluster.awaitSettled();
        cluster.stop("n3");
        Path file = cluster.dir("n3").resolve("cib.xml");
        Files.writeString(file, Files.readString(file).replace("before", "bafore"));
        cluster.node("n1").write(addPrimitive("while-away"));
        cluster.awaitSettled();

        cluster.start("n3");
        cluster.awaitSettled();

        assertSameCib("n1", "n2", "n3");
        assertThat(hasPrimitive(cluster.node("n3").read(), "while-away")).isTrue();
        assertThat(cluster.node("n3").store().trusted()).isTrue();
        try (Stream<Path> files = Files.list(cluster.dir("n3"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cib.xml.corrupt-"));
        }
        assertThat(logs.lines()).anyMatch(l -> l.startsWith("n3: Replacing the untrusted local CIB"));
    }

    @Test @DisplayName("An untrusted copy never wins, even with a higher version and on the DC")
    void untrustedNeverWins() throws IOException {
        three();
        cluster.node("n2").write(addPrimitive("real"));
        cluster.awaitSettled();
        CibVersion real = cluster.node("n2").read().version();
        cluster.stop("n1");
        cluster.awaitSettled();
        CibDisk disk = new CibDisk(cluster.dir("n1"), TestCluster.CLOCK, 3);
        XmlElement bogus = Cibs.addPrimitive("bogus").apply(cluster.node("n2").read());
        disk.write(VersionStamp.stamp(bogus, new CibVersion(0, 50, 0)));
        disk.write(VersionStamp.stamp(bogus, new CibVersion(0, 51, 0)));
        Files.writeString(cluster.dir("n1").resolve("cib.xml"), "truncat");

        cluster.start("n1"); // n1 is first in the node list: the DC again, with an untrusted 0.50.0
        cluster.awaitSettled();

        assertSameCib("n1", "n2", "n3");
        assertThat(hasPrimitive(cluster.node("n2").read(), "bogus")).isFalse();
        assertThat(cluster.node("n1").read().version().epoch()).isEqualTo(real.epoch());
    }

    @Test @DisplayName("cib-push through a member: an older version is refused with both versions named, a newer one is taken")
    void cibPush() {
        three();
        TestCluster.Node n3 = cluster.node("n3");
        n3.write(addPrimitive("a"));
        XmlElement fetched = n3.read().xml();
        CibVersion fetchedVersion = n3.read().version();
        n3.write(addPrimitive("b"));
        n3.write(addPrimitive("c"));
        CibVersion cluster3 = n3.read().version();

        WriteResult refused = n3.write(CibOperation.replaceConfiguration(fetched));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.reasons()).containsExactly("cib-push refused: your CIB has version " + fetchedVersion
                + ", the cluster has " + cluster3 + "; fetch it again (pacer cluster cib), redo your change and push that");

        XmlElement edited = VersionStamp.stamp(Cibs.addPrimitive("pushed").apply(n3.read()), cluster3.nextEpoch());
        assertThat(n3.write(CibOperation.replaceConfiguration(edited)).accepted()).isTrue();
        cluster.awaitSettled();
        assertSameCib("n1", "n2", "n3");
        assertThat(hasPrimitive(cluster.node("n1").read(), "pushed")).isTrue();
    }
}
