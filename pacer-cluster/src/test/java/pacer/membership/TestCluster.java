package pacer.membership;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.jgroups.Address;
import org.jgroups.protocols.DISCARD;

/**
 * N Pacer nodes in one JVM on 127.0.0.1, each a real {@link JGroupsBus} on its own free port with
 * the full stack (encryption included), plus fault injection: crash (no leave, sockets closed),
 * partition and heal, and pause (a silent node, like SIGSTOP) and resume. A {@code DISCARD} layer
 * right above each node's transport does the partitions and pauses, after JGroups' own
 * {@code MergeTest2}.
 *
 * <pre>
 * try (TestCluster c = TestCluster.builder("n1", "n2", "n3").build()) {
 *     c.startAll();
 *     c.awaitMembers("n1", "n2", "n3");
 *     c.partition(List.of("n1"), List.of("n2", "n3"));
 *     ...
 * }
 * </pre>
 *
 * <p>Every node records the messages and memberships it was handed. Not thread-safe: one test
 * thread drives it. Waits use Awaitility with generous timeouts; nothing asserts a duration.
 */
final class TestCluster implements AutoCloseable {
    /** How long any eventual state may take; far above the few seconds it needs. */
    static final Duration PATIENCE = Duration.ofSeconds(45);

    /** A message as a node received it. */
    record Received(String from, String text) { }

    /** One running incarnation of a node. */
    static final class Node {
        final JGroupsBus bus;
        final DISCARD discard;
        final List<Received> messages = new CopyOnWriteArrayList<>();
        final List<Membership> memberships = new CopyOnWriteArrayList<>();

        private Node(JGroupsBus bus, DISCARD discard) {
            this.bus = bus;
            this.discard = discard;
            bus.onMessage((from, payload) -> messages.add(new Received(from.name(), new String(payload,
                    StandardCharsets.UTF_8))));
            bus.onMembership(memberships::add);
        }

        Address address() {
            return bus.channel().getAddress();
        }
    }

    private final Path dir;
    private final ClusterConfig config;
    private final ClusterKey key;
    private final boolean noQuorumIgnore;
    private final Map<String, Node> running = new LinkedHashMap<>();

    private TestCluster(Path dir, ClusterConfig config, ClusterKey key, boolean noQuorumIgnore) {
        this.dir = dir;
        this.config = config;
        this.key = key;
        this.noQuorumIgnore = noQuorumIgnore;
    }

    static Builder builder(String... names) {
        return new Builder(List.of(names));
    }

    /** Options for a test cluster; defaults: token 1000 ms, no two_node, no wait_for_all. */
    static final class Builder {
        private final List<String> names;
        private Duration token = ClusterConfig.DEFAULT_TOKEN;
        private boolean twoNode;
        private Boolean waitForAll;
        private Integer expectedVotes;
        private boolean noQuorumIgnore;
        private Integer qdevicePort;

        private Builder(List<String> names) {
            this.names = names;
        }

        Builder token(Duration t) { token = t; return this; }
        Builder twoNode() { twoNode = true; return this; }
        Builder waitForAll() { waitForAll = true; return this; }
        Builder expectedVotes(int v) { expectedVotes = v; return this; }
        Builder noQuorumIgnore() { noQuorumIgnore = true; return this; }
        /** A quorum witness on 127.0.0.1:port (start one with {@link #startWitness}). */
        Builder quorumDevice(int port) { qdevicePort = port; return this; }

        TestCluster build() throws IOException, ClusterConfigException {
            Path dir = Files.createTempDirectory("pacer-testcluster");
            Path keyFile = dir.resolve("authkey");
            ClusterKey.generate(keyFile);
            List<Integer> ports = freePorts(names.size());
            StringBuilder conf = new StringBuilder()
                    .append("cluster_name = test\n")
                    .append("port = ").append(ports.get(0)).append('\n')
                    .append("token = ").append(token.toMillis()).append('\n')
                    .append("two_node = ").append(twoNode ? 1 : 0).append('\n')
                    .append("keyfile = ").append(keyFile).append('\n');
            if (waitForAll != null) {
                conf.append("wait_for_all = ").append(waitForAll ? 1 : 0).append('\n');
            }
            if (qdevicePort != null) {
                conf.append("qdevice = 127.0.0.1:").append(qdevicePort).append('\n');
            }
            if (expectedVotes != null) {
                conf.append("expected_votes = ").append(expectedVotes).append('\n');
            }
            for (int i = 0; i < names.size(); i++) {
                conf.append("node ").append(names.get(i)).append(" addr=127.0.0.1 nodeid=").append(i + 1)
                        .append(" port=").append(ports.get(i)).append('\n');
            }
            Path confFile = dir.resolve("cluster.conf");
            Files.writeString(confFile, conf);
            ClusterConfig config = ClusterConfig.load(confFile);
            return new TestCluster(dir, config, ClusterKey.load(keyFile, config.clusterName()), noQuorumIgnore);
        }
    }

    ClusterConfig config() {
        return config;
    }

    /** Starts the quorum witness the configuration names, holding this cluster's witness key. */
    pacer.qdevice.Qnetd startWitness() throws IOException {
        Path keys = Files.createDirectories(dir.resolve("qnetd"));
        Files.write(pacer.qdevice.Qnetd.keyFile(keys, config.clusterName()), key.witnessKey());
        pacer.qdevice.Qnetd q = new pacer.qdevice.Qnetd(keys, new InetSocketAddress("127.0.0.1",
                config.quorumDevice().orElseThrow().port()), pacer.qdevice.QdeviceClient::systemMonotonicMillis);
        q.start();
        return q;
    }

    /** Where the configuration and key files are (for child processes). */
    Path dir() {
        return dir;
    }

    /** Starts every configured node, one after the other. */
    TestCluster startAll() throws Exception {
        for (String name : config.nodeNames()) {
            start(name);
        }
        return this;
    }

    /** Starts (or restarts) a node with the cluster key: a cold start, a new JGroups address. */
    Node start(String name) throws Exception {
        return start(name, key);
    }

    /** Starts a node with the given key, e.g. a wrong one. */
    Node start(String name, ClusterKey withKey) throws Exception {
        if (running.containsKey(name)) {
            throw new IllegalStateException(name + " is already running");
        }
        DISCARD discard = new DISCARD();
        JGroupsBus bus = new JGroupsBus(config, name, withKey, protocols -> protocols.add(1, discard));
        bus.setNoQuorumIgnore(noQuorumIgnore);
        if (config.quorumDevice().isPresent()) {
            bus.useQuorumDevice(config, Optional.of(new pacer.qdevice.QdeviceClient(config, name, withKey.witnessKey(),
                    pacer.qdevice.QdeviceClient::systemMonotonicMillis)));
        }
        Node node = new Node(bus, discard);
        running.put(name, node);
        bus.start();
        return node;
    }

    Node node(String name) {
        Node n = running.get(name);
        if (n == null) {
            throw new IllegalArgumentException(name + " is not running; running: " + running.keySet());
        }
        return n;
    }

    JGroupsBus bus(String name) {
        return node(name).bus;
    }

    Set<String> running() {
        return Set.copyOf(running.keySet());
    }

    /** Clean leave. */
    void stop(String name) {
        Node n = running.remove(name);
        if (n != null) {
            n.bus.close();
        }
    }

    /** Kills a node: no leave message, its sockets close (like kill -9 of pacerd). */
    void crash(String name) throws Exception {
        Node n = running.remove(name);
        if (n != null) {
            n.bus.crash();
        }
    }

    /** Cuts the running nodes into groups that cannot hear each other (a node in no group is untouched). */
    @SafeVarargs
    final void partition(List<String>... groups) {
        for (int i = 0; i < groups.length; i++) {
            for (int j = 0; j < groups.length; j++) {
                if (i == j) {
                    continue;
                }
                for (String a : groups[i]) {
                    for (String b : groups[j]) {
                        node(a).discard.addIgnoreMember(node(b).address());
                    }
                }
            }
        }
    }

    /** Undoes every partition. */
    void heal() {
        running.values().forEach(n -> n.discard.resetIgnoredMembers());
    }

    /** Makes a node silent, as if its process were stopped: nothing in, nothing out. */
    void pause(String name) {
        node(name).discard.discardAll(true);
    }

    void resume(String name) {
        node(name).discard.discardAll(false);
    }

    /** Waits until every one of {@code names} sees exactly {@code names} as its members. */
    void awaitPartition(String... names) {
        Set<String> expected = Set.of(names);
        await().atMost(PATIENCE).alias("partition " + expected).until(() -> Arrays.stream(names)
                .allMatch(n -> memberNames(n).equals(expected)));
    }

    /** Waits until every running node sees all running nodes. */
    void awaitAllRunningTogether() {
        awaitPartition(running.keySet().toArray(String[]::new));
    }

    Set<String> memberNames(String node) {
        Membership m = bus(node).membership();
        Set<String> names = new HashSet<>();
        if (m != null) {
            m.members().forEach(mb -> names.add(mb.name()));
        }
        return names;
    }

    Optional<String> dc(String node) {
        return bus(node).membership().dc().map(Member::name);
    }

    boolean quorate(String node) {
        return bus(node).membership().quorate();
    }

    @Override
    public void close() throws IOException {
        new ArrayList<>(running.keySet()).forEach(name -> {
            try {
                crash(name);
            } catch (Exception e) {
                // best effort: the test is over
            }
        });
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Ports free on 127.0.0.1 with room for FD_SOCK2 (port + 100 .. + 103) and not overlapping
     * each other. Another process may still grab one before we bind; that race is accepted.
     */
    static List<Integer> freePorts(int n) throws IOException {
        List<Integer> ports = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        while (ports.size() < n) {
            int p;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            int top = p + JGroupsStack.FD_SOCK_OFFSET + JGroupsStack.FD_SOCK_PORT_RANGE;
            if (top > 65535 || !allFree(p, taken)) {
                continue;
            }
            ports.add(p);
            taken.add(p);
            for (int q = p + JGroupsStack.FD_SOCK_OFFSET; q <= top; q++) {
                taken.add(q);
            }
        }
        return ports;
    }

    private static boolean allFree(int p, Set<Integer> taken) {
        List<Integer> wanted = new ArrayList<>(List.of(p));
        for (int i = 0; i <= JGroupsStack.FD_SOCK_PORT_RANGE; i++) {
            wanted.add(p + JGroupsStack.FD_SOCK_OFFSET + i);
        }
        for (int q : wanted) {
            if (taken.contains(q)) {
                return false;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), q));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
