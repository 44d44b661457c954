package pacer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.store.Cibs.addPrimitive;
import static pacer.store.Cibs.get;
import static pacer.store.Cibs.xml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.Cib;
import pacer.cib.CibVersion;
import pacer.cib.xml.XmlElement;

class CibStoreTest {
    @TempDir Path dir;
    private final List<CibStore> opened = new ArrayList<>();

    private CibStore open() throws IOException {
        CibStore s = CibStore.open(new CibDisk(dir, TestCluster.CLOCK, 3), "n1");
        opened.add(s);
        return s;
    }

    @AfterEach void close() {
        opened.forEach(CibStore::close);
    }

    @Test @DisplayName("A configuration change is a new epoch, a status change a new num_updates, no change keeps the version")
    void versionBumps() throws IOException {
        CibStore store = open();
        assertThat(get(store.write(addPrimitive("a"))).version()).isEqualTo(new CibVersion(0, 1, 0));
        assertThat(get(store.write(Cibs.nodeStatus("n1", "1"))).version()).isEqualTo(new CibVersion(0, 1, 1));
        assertThat(get(store.write(Cibs.nodeStatus("n2", "2"))).version()).isEqualTo(new CibVersion(0, 1, 2));
        assertThat(get(store.write(addPrimitive("b"))).version()).isEqualTo(new CibVersion(0, 2, 0));
        WriteResult same = get(store.write(addPrimitive("b")));
        assertThat(same.accepted()).isTrue();
        assertThat(same.version()).isEqualTo(new CibVersion(0, 2, 0));
        assertThat(store.current().xml().attr("epoch")).isEqualTo("2");
    }

    @Test @DisplayName("A write that makes the CIB invalid is rejected with the parser's reasons and changes nothing")
    void invalidWriteRejected() throws IOException {
        CibStore store = open();
        get(store.write(addPrimitive("a")));
        Cib before = store.current();
        byte[] onDisk = Files.readAllBytes(dir.resolve("cib.xml"));

        WriteResult r = get(store.write(CibOperation.put("configuration/resources", xml("<primitive id=\"broken\"/>"))));

        assertThat(r.accepted()).isFalse();
        assertThat(r.reasons()).anySatisfy(reason -> assertThat(reason).contains("broken").contains("class= and type="));
        assertThat(r.version()).isEqualTo(before.version());
        assertThat(store.current()).isSameAs(before);
        assertThat(Files.readAllBytes(dir.resolve("cib.xml"))).isEqualTo(onDisk);
    }

    @Test @DisplayName("A write may refuse itself; a delete of something missing is refused; neither changes anything")
    void refusals() throws IOException {
        CibStore store = open();
        Cib before = store.current();
        WriteResult refused = get(store.write(c -> { throw new CibWriteRejected("not today"); }));
        assertThat(refused.reasons()).containsExactly("not today");
        WriteResult missing = get(store.write(CibOperation.delete("configuration/resources", "primitive", "ghost")));
        assertThat(missing.accepted()).isFalse();
        assertThat(missing.reasons().get(0)).contains("ghost");
        WriteResult crashed = get(store.write(c -> { throw new IllegalStateException("bug"); }));
        assertThat(crashed.reasons().get(0)).contains("bug");
        assertThat(store.current()).isSameAs(before);
    }

    @Test @DisplayName("A new store on the same directory sees the same version and content")
    void persistsAcrossRestart() throws IOException {
        CibStore first = open();
        get(first.write(addPrimitive("a")));
        get(first.write(Cibs.nodeStatus("n1", "1")));
        Cib written = first.current();
        first.close();

        CibStore second = open();
        assertThat(second.current().version()).isEqualTo(new CibVersion(0, 1, 1));
        assertThat(second.current().xml()).isEqualTo(written.xml());
        assertThat(second.trusted()).isTrue();
    }

    @Test @DisplayName("cib-push of an older or equal version is refused; a newer one replaces and keeps its version")
    void replace() throws IOException {
        CibStore store = open();
        for (String id : List.of("a", "b", "c")) get(store.write(addPrimitive(id)));
        XmlElement fetched = store.current().xml(); // 0.3.0
        for (String id : List.of("d", "e", "f", "g")) get(store.write(addPrimitive(id)));

        XmlElement older = VersionStamp.stamp(fetched, new CibVersion(0, 5, 2));
        WriteResult refused = get(store.write(CibOperation.replace(older)));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.reasons()).containsExactly("cib-push refused: your CIB has version 0.5.2, the cluster has 0.7.0; "
                + "fetch it again (pacer cluster cib), redo your change and push that");
        WriteResult equal = get(store.write(CibOperation.replace(VersionStamp.stamp(fetched, new CibVersion(0, 7, 0)))));
        assertThat(equal.accepted()).isFalse();

        WriteResult pushed = get(store.write(CibOperation.replaceConfiguration(VersionStamp.stamp(fetched, new CibVersion(0, 9, 0)))));
        assertThat(pushed).isEqualTo(WriteResult.accepted(new CibVersion(0, 9, 0)));
        assertThat(Cibs.hasPrimitive(store.current(), "c")).isTrue();
        assertThat(Cibs.hasPrimitive(store.current(), "d")).isFalse();
    }

    @Test @DisplayName("Listeners hear of a change after it is on disk")
    void listenersAfterPersistence() throws IOException {
        CibStore store = open();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        store.addListener(cib -> {
            try {
                CibDisk.Loaded onDisk = new CibDisk(dir, TestCluster.CLOCK, 3).load();
                seen.add(cib.version() + " on disk " + onDisk.cib().version());
            } catch (IOException e) {
                seen.add(e.toString());
            }
        });
        get(store.write(addPrimitive("a")));
        assertThat(seen).containsExactly("0.1.0 on disk 0.1.0");
    }

    @Test @DisplayName("Writes from many threads are each applied once, with strictly increasing versions")
    void concurrentWrites() throws Exception {
        CibStore store = open();
        List<CibVersion> seen = Collections.synchronizedList(new ArrayList<>());
        store.addListener(cib -> seen.add(cib.version()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<WriteResult>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "r" + i;
            results.add(CompletableFuture.supplyAsync(() -> store.write(addPrimitive(id)), pool).thenCompose(f -> f));
        }
        List<CibVersion> versions = results.stream().map(Cibs::get).map(WriteResult::version).toList();
        pool.shutdown();

        assertThat(versions).doesNotHaveDuplicates().hasSize(40);
        assertThat(seen).isSorted().doesNotHaveDuplicates().hasSize(40);
        assertThat(store.current().configuration().resources()).hasSize(40);
        assertThat(store.current().version()).isEqualTo(new CibVersion(0, 40, 0));
    }
}
