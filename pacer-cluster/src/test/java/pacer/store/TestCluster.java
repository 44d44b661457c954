package pacer.store;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import pacer.cib.Cib;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.time.FakeTimers;

/**
 * N nodes in one JVM, each with its own state directory, CIB store and replicated CIB, on a
 * {@link FakeNetwork}. {@link #awaitSettled()} waits until no message, view or write is in flight.
 */
final class TestCluster implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    /** How long a DC waits for the members' CIB versions before asking again (virtual time). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

    final FakeNetwork network;
    /** The version collections' timers: virtual, advanced only by a test. */
    final FakeTimers timers = new FakeTimers(CLOCK.instant());
    private final Path root;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    /** One running node. */
    record Node(String name, FakeClusterBus bus, CibStore store, ReplicatedCib cib) {
        Cib read() { return cib.read(); }

        WriteResult write(CibOperation op) { return Cibs.get(cib.write(op)); }
    }

    TestCluster(Path root, String... names) {
        this.root = root;
        this.network = new FakeNetwork(names);
    }

    /** Starts every configured node and waits until they agree. */
    static TestCluster started(Path root, String... names) {
        TestCluster c = new TestCluster(root, names);
        for (String n : names) c.start(n);
        c.awaitSettled();
        return c;
    }

    Path dir(String name) { return root.resolve(name); }

    Node start(String name) {
        try {
            FakeClusterBus bus = network.bus(name);
            CibStore store = CibStore.open(new CibDisk(dir(name), CLOCK, 3), name);
            ReplicatedCib cib = new ReplicatedCib(bus, store, timers, ANSWER_TIMEOUT);
            cib.start();
            bus.start();
            Node n = new Node(name, bus, store, cib);
            nodes.put(name, n);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops a node: it leaves the network (the others see it as gone) and its threads end. */
    void stop(String name) {
        Node n = nodes.remove(name);
        n.cib().close();
        n.bus().close();
        n.store().close();
    }

    Node node(String name) { return nodes.get(name); }

    List<Node> running() { return new ArrayList<>(nodes.values()); }

    /** The DC as the named node sees it. */
    Member dcSeenBy(String name) {
        Membership m = node(name).bus().membership();
        return m.dc().orElse(m.members().get(0));
    }

    /** Waits until nothing is in flight anywhere: no queued delivery, every node idle, no new message. */
    void awaitSettled() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(this::quiet);
    }

    private boolean quiet() throws Exception {
        long before = network.activity();
        for (Node n : nodes.values()) {
            if (n.bus().pending() > 0) return false;
        }
        List<CompletableFuture<Boolean>> idle = nodes.values().stream().map(n -> n.cib().idle()).toList();
        for (CompletableFuture<Boolean> f : idle) {
            if (!f.get(5, TimeUnit.SECONDS)) return false;
        }
        for (Node n : nodes.values()) {
            if (n.bus().pending() > 0) return false;
        }
        return network.activity() == before;
    }

    @Override public void close() {
        for (String n : new ArrayList<>(nodes.keySet())) stop(n);
    }
}
