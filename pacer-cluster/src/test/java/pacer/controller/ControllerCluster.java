package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import pacer.agents.AgentClock;
import pacer.agents.AgentHost;
import pacer.agents.AgentRunner;
import pacer.agents.ResourceAgents;
import pacer.agents.RunnerSettings;
import pacer.agents.ScheduledExecutorTimers;
import pacer.cib.Cib;
import pacer.cib.xml.XmlReader;
import pacer.executor.Executor;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterKey;
import pacer.membership.JGroupsBus;
import pacer.membership.Member;
import pacer.store.CibDisk;
import pacer.store.CibOperation;
import pacer.store.CibStore;
import pacer.store.ReplicatedCib;
import pacer.store.WriteResult;
import pacer.time.SystemTimers;
import org.jgroups.protocols.DISCARD;

/**
 * Pacer nodes in one JVM: real JGroups on 127.0.0.1 (the full stack, token as configured), a
 * real CIB store and replicated CIB per node, an {@link Executor} running the real agents
 * (Dummy's state files per node, see {@link PerNodeState}), a {@link Controller}, and one
 * {@link FakeFencer} that "powers off" a node by crashing it and deleting its state files.
 *
 * <p>A watcher thread checks, every few milliseconds, that no resource's state file exists on two
 * nodes at once ({@link #violations}). Waits use Awaitility with generous bounds; nothing asserts a
 * duration. One test thread drives it.
 */
final class ControllerCluster implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final ControllerSettings SETTINGS = new ControllerSettings(Duration.ofSeconds(20), Duration.ofSeconds(2),
            PATIENCE);

    /** One running node. */
    static final class Node {
        final String name;
        final Path states;
        JGroupsBus bus;
        CibStore store;
        ReplicatedCib cib;
        Executor executor;
        PerNodeState agents;
        Controller controller;
        SystemTimers timers;
        ScheduledExecutorTimers agentTimers;
        DISCARD discard;

        Node(String name, Path states) {
            this.name = name;
            this.states = states;
        }
    }

    private final Path dir;
    private final ClusterConfig config;
    private final ClusterKey key;
    private final Map<String, Node> running = new ConcurrentHashMap<>();
    final FakeFencer fencer;
    /** Nodes whose self-fence ran (no-quorum-policy=suicide), in order. */
    final List<String> selfFenced = new CopyOnWriteArrayList<>();
    private final Path ocfRoot;
    final List<ControllerEvent> events = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    private volatile boolean closing;
    private pacer.qdevice.Qnetd witness;

    private ControllerCluster(Path dir, ClusterConfig config, ClusterKey key) throws IOException {
        this.dir = dir;
        this.ocfRoot = TestAgents.ocfRoot(dir, AgentHost.OCF_ROOT);
        this.config = config;
        this.key = key;
        this.fencer = new FakeFencer(this::powerOff);
        this.watcher = new Thread(this::watch, "invariant-watcher");
        this.watcher.setDaemon(true);
        this.watcher.start();
    }

    static ControllerCluster create(Duration token, String... names) throws Exception {
        return create(token, false, names);
    }

    /**
     * Two (or more) nodes whose configuration names a quorum witness on a free loopback port;
     * {@link #startWitness} starts it.
     */
    static ControllerCluster createWithWitness(Duration token, String... names) throws Exception {
        return create(token, true, names);
    }

    private static ControllerCluster create(Duration token, boolean witness, String... names) throws Exception {
        Path dir = Files.createTempDirectory("pacer-controller");
        Path keyFile = dir.resolve("authkey");
        ClusterKey.generate(keyFile);
        List<Integer> ports = TestAgents.freePorts(names.length);
        StringBuilder conf = new StringBuilder().append("cluster_name = test\n").append("port = ").append(ports.get(0))
                .append('\n').append("token = ").append(token.toMillis()).append('\n').append("keyfile = ")
                .append(keyFile).append('\n');
        if (witness) conf.append("qdevice = 127.0.0.1:").append(TestAgents.freePorts(1).get(0)).append('\n');
        for (int i = 0; i < names.length; i++) {
            conf.append("node ").append(names[i]).append(" addr=127.0.0.1 nodeid=").append(i + 1).append(" port=")
                    .append(ports.get(i)).append('\n');
        }
        Path confFile = dir.resolve("cluster.conf");
        Files.writeString(confFile, conf);
        ClusterConfig config = ClusterConfig.load(confFile);
        return new ControllerCluster(dir, config, ClusterKey.load(keyFile, config.clusterName()));
    }

    /**
     * The usual fixture of the controller tests: three members n1..n3 with a 1 s token, a fake fence
     * device, and, when {@code sticky}, resource-stickiness 100 as a resource default.
     */
    static ControllerCluster threeNodesWithFencing(boolean sticky) throws Exception {
        ControllerCluster c = create(Duration.ofMillis(1000), "n1", "n2", "n3");
        try {
            c.startAll();
            if (sticky) {
                c.write(put("configuration/rsc_defaults", "<meta_attributes id=\"rsc-options\"><nvpair"
                        + " id=\"rsc-options-stickiness\" name=\"resource-stickiness\" value=\"100\"/></meta_attributes>"));
            }
            c.write(put("configuration/resources", "<primitive id=\"fence-fake\" class=\"stonith\" type=\"fence_fake\"/>"));
            return c;
        } catch (Exception | Error e) {
            c.close(); // a fixture that failed half way leaves no nodes running behind
            throw e;
        }
    }

    /**
     * The seed's settings on a started cluster: fencing disabled, and resource-stickiness 1 as a
     * resource default (what {@code pcs cluster setup} gives a new cluster).
     */
    void withoutFencingSticky() {
        property("stonith-enabled", "false");
        write(put("configuration/rsc_defaults", "<meta_attributes id=\"rsc-options\"><nvpair"
                + " id=\"rsc-options-stickiness\" name=\"resource-stickiness\" value=\"1\"/></meta_attributes>"));
    }

    /** Closes the cluster after checking that no resource was ever active on two nodes at once. */
    static void closeCheckingSafety(ControllerCluster c) throws IOException {
        if (c == null) return;
        try {
            assertThat(c.violations).as("a resource was active on two nodes at once").isEmpty();
        } finally {
            c.close();
        }
    }

    ControllerCluster startAll() throws Exception {
        for (String n : config.nodeNames()) start(n);
        String[] all = config.nodeNames().toArray(String[]::new);
        awaitMembers(all);
        awaitCibFollowsMembership();
        return this;
    }

    /** Waits until the DC's CIB shows every running node as a member. */
    void awaitCibFollowsMembership() {
        await().atMost(PATIENCE).alias("the CIB follows the membership").until(() -> running.keySet().stream()
                .allMatch(n -> cib().status().node(n).filter(s -> s.inMembership() && s.join().equals("member")).isPresent()));
    }

    Node start(String name) throws Exception {
        Node n = new Node(name, Files.createDirectories(dir.resolve(name).resolve("states")));
        n.store = CibStore.open(new CibDisk(dir.resolve(name).resolve("cib"), java.time.Clock.systemUTC(), 3), name);
        n.discard = new DISCARD();
        n.bus = busWithDiscard(name, n.discard);
        if (config.quorumDevice().isPresent()) {
            n.bus.useQuorumDevice(config, java.util.Optional.of(new pacer.qdevice.QdeviceClient(config, name,
                    key.witnessKey(), pacer.qdevice.QdeviceClient::systemMonotonicMillis)));
        }
        n.timers = new SystemTimers("timers-" + name);
        n.cib = new ReplicatedCib(n.bus, n.store, n.timers, Duration.ofSeconds(2));
        n.agentTimers = ScheduledExecutorTimers.singleThread("agent-timers-" + name);
        AgentRunner runner = new AgentRunner(AgentClock.system(), n.agentTimers,
                RunnerSettings.detect().withSpoolDir(Files.createDirectories(dir.resolve(name).resolve("spool"))));
        AgentHost host = AgentHost.detect();
        host = new AgentHost(ocfRoot, host.initDir(), host.fenceAgentDir(), host.systemctl(), host.systemdRunning());
        n.agents = new PerNodeState(new ResourceAgents(host, runner), n.states);
        n.executor = new Executor(n.bus, n.agents, n.timers);
        n.controller = new Controller(n.bus, n.store, n.cib, fencer, n.timers, SETTINGS, n.executor::stopAll,
                new pacer.fencing.SelfFence(() -> selfFenced.add(name)));
        n.controller.onEvent(events::add);
        n.cib.start();
        n.executor.start();
        n.controller.start();
        running.put(name, n);
        n.bus.start();
        return n;
    }

    /**
     * A bus with a {@code DISCARD} layer above the transport, as the membership tests build it
     * (through the package-private constructor that takes a stack hook), for {@link #pause}.
     */
    private JGroupsBus busWithDiscard(String name, DISCARD discard) {
        try {
            var c = JGroupsBus.class.getDeclaredConstructor(ClusterConfig.class, String.class, ClusterKey.class,
                    java.util.function.Consumer.class);
            c.setAccessible(true);
            java.util.function.Consumer<List<org.jgroups.stack.Protocol>> hook = protocols -> protocols.add(1, discard);
            return c.newInstance(config, name, key, hook);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JGroupsBus's stack-hook constructor is the test hook for faults", e);
        }
    }

    /** Starts the quorum witness the configuration names, with this cluster's witness key; closed with the cluster. */
    pacer.qdevice.Qnetd startWitness() throws IOException {
        Path keys = Files.createDirectories(dir.resolve("qnetd"));
        Files.write(pacer.qdevice.Qnetd.keyFile(keys, config.clusterName()), key.witnessKey());
        pacer.qdevice.Qnetd q = new pacer.qdevice.Qnetd(keys, new java.net.InetSocketAddress("127.0.0.1",
                config.quorumDevice().orElseThrow().port()), pacer.qdevice.QdeviceClient::systemMonotonicMillis);
        q.start();
        witness = q;
        return q;
    }

    /** Cuts the cluster links between two groups of nodes, both ways (the witness stays reachable). */
    void partition(List<String> a, List<String> b) {
        for (String x : a) {
            for (String y : b) {
                node(x).discard.addIgnoreMember(address(y));
                node(y).discard.addIgnoreMember(address(x));
            }
        }
    }

    private org.jgroups.Address address(String name) {
        try {
            var m = JGroupsBus.class.getDeclaredMethod("channel");
            m.setAccessible(true);
            return ((org.jgroups.JChannel) m.invoke(node(name).bus)).getAddress();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JGroupsBus.channel() is the test hook for partitions", e);
        }
    }

    /** Undoes {@link #partition}. */
    void heal() {
        running.values().forEach(n -> n.discard.resetIgnoredMembers());
    }

    /** Makes a node silent, as SIGSTOP would: nothing in or out; the others notice after the token. */
    void pause(String name) { node(name).discard.discardAll(true); }

    /** Kills a node as kill -9 would: no leave message, its sockets close; its resources keep "running". */
    synchronized void crash(String name) {
        Node n = running.remove(name);
        if (n == null) return;
        try {
            Method crash = JGroupsBus.class.getDeclaredMethod("crash");
            crash.setAccessible(true);
            crash.invoke(n.bus);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JGroupsBus.crash() is the test hook for a crash", e);
        }
        n.executor.close();
        n.controller.close();
        n.cib.close();
        n.store.close();
        n.timers.close();
        n.agentTimers.close();
    }

    /**
     * Stops a node as SIGTERM stops pacerd ({@code PacerNode.close}): the controller's clean
     * shutdown, then everything closes and the bus leaves the group.
     *
     * @return whether the DC let the node go (expected=down) before it left
     */
    boolean stopCleanly(String name) {
        Node n = node(name);
        boolean released = n.controller.shutdown();
        synchronized (this) {
            running.remove(name);
        }
        n.controller.close();
        n.executor.close();
        n.cib.close();
        n.bus.close();
        n.store.close();
        n.timers.close();
        n.agentTimers.close();
        return released;
    }

    /** What fencing does to a node: it is crashed if it still runs, and nothing of it runs any more. */
    private void powerOff(String name) {
        crash(name);
        try (Stream<Path> files = Files.list(dir.resolve(name).resolve("states"))) {
            files.forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Node node(String name) {
        Node n = running.get(name);
        if (n == null) throw new IllegalArgumentException(name + " is not running");
        return n;
    }

    Set<String> running() { return Set.copyOf(running.keySet()); }

    void awaitMembers(String... names) {
        Set<String> expected = Set.of(names);
        await().atMost(PATIENCE).alias("members " + expected).until(() -> Stream.of(names).allMatch(n -> {
            var m = node(n).bus.membership();
            return m != null && m.dc().isPresent() && m.members().stream().map(Member::name).collect(
                    java.util.stream.Collectors.toSet()).equals(expected);
        }));
    }

    String dc() {
        return running.values().iterator().next().bus.membership().dc().map(Member::name).orElseThrow();
    }

    /** The CIB as the DC has it. */
    Cib cib() { return node(dc()).cib.read(); }

    WriteResult write(CibOperation op) {
        try {
            WriteResult r = node(dc()).cib.write(op).get(30, TimeUnit.SECONDS);
            if (!r.accepted()) throw new AssertionError("write rejected: " + r);
            return r;
        } catch (Exception e) {
            throw new AssertionError("write failed: " + e, e);
        }
    }

    static CibOperation put(String parent, String xml) {
        return CibOperation.put(parent, XmlReader.parse(xml, "test"));
    }

    /** A Dummy with a per-node state file and a recurring monitor; watched by the invariant check. */
    void addDummy(String id, String monitorInterval, String meta) {
        addResource(id, "heartbeat", "Dummy", monitorInterval, meta, "");
    }

    /**
     * An OCF resource ({@code heartbeat:Dummy}, or {@code pacertest:Flaky}, see {@link TestAgents})
     * with a per-node state file, a recurring monitor and these extra {@code op} elements; watched
     * by the invariant check.
     */
    void addResource(String id, String provider, String type, String monitorInterval, String meta, String ops) {
        write(resource(id, provider, type, monitorInterval, meta, ops));
    }

    /** The write that {@link #addResource} makes (to batch it with a constraint); watches the resource. */
    CibOperation resource(String id, String provider, String type, String monitorInterval, String meta, String ops) {
        watched.add(id);
        return (put("configuration/resources", "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"" + provider
                + "\" type=\"" + type + "\">"
                + "<instance_attributes id=\"" + id + "-ia\"><nvpair id=\"" + id + "-state\" name=\"state\" value=\"per-node\"/>"
                + "</instance_attributes><meta_attributes id=\"" + id + "-meta\">" + meta + "</meta_attributes>"
                + "<operations><op id=\"" + id + "-monitor\" name=\"monitor\" interval=\"" + monitorInterval
                + "\" timeout=\"10s\"/>" + ops + "</operations></primitive>"));
    }

    /** Where {@code rsc}'s state file on {@code node} is (it exists while the resource runs there). */
    Path stateFile(String rsc, String node) { return PerNodeState.stateFile(dir.resolve(node).resolve("states"), rsc); }

    /** Steers Flaky on {@code node}: writes {@code STATE.suffix} (see {@link TestAgents}). */
    Path steer(String rsc, String node, String suffix, String content) throws IOException {
        Path state = stateFile(rsc, node);
        return Files.writeString(state.resolveSibling(state.getFileName() + "." + suffix), content);
    }

    void property(String name, String value) {
        write(put("configuration/crm_config/cluster_property_set[cib-bootstrap-options]", "<nvpair id=\"cib-bootstrap-options-"
                + name + "\" name=\"" + name + "\" value=\"" + value + "\"/>"));
    }

    /** The nodes whose state file of {@code rsc} exists: where it really runs. */
    Set<String> runningOn(String rsc) {
        Set<String> out = new HashSet<>();
        for (String n : config.nodeNames()) {
            if (Files.exists(PerNodeState.stateFile(dir.resolve(n).resolve("states"), rsc))) out.add(n);
        }
        return out;
    }

    /** Whether {@code rsc} runs on exactly one node, and not on {@code node} (one look at the files). */
    boolean runsOnlyElsewhere(String rsc, String node) {
        Set<String> on = runningOn(rsc);
        return on.size() == 1 && !on.contains(node);
    }

    /** Waits until {@code rsc} runs on exactly one node, and returns it. */
    String awaitRunningSomewhere(String rsc) {
        await().atMost(PATIENCE).alias(rsc + " running on one node").until(() -> runningOn(rsc).size() == 1);
        return runningOn(rsc).iterator().next();
    }

    void awaitRunningOn(String rsc, String node) {
        await().atMost(PATIENCE).alias(rsc + " running on " + node + " only").until(() -> runningOn(rsc).equals(Set.of(node)));
    }

    /** Makes the resource's state file vanish on {@code node}: its next monitor finds it stopped. */
    void breakResource(String rsc, String node) throws IOException {
        Files.deleteIfExists(PerNodeState.stateFile(dir.resolve(node).resolve("states"), rsc));
    }

    Optional<String> transientAttribute(String node, String name) {
        return cib().status().nodes().stream().filter(s -> s.uname().equals(node)).findFirst()
                .map(s -> s.transientAttributes().get(name));
    }

    private void watch() {
        while (!closing) {
            for (String rsc : watched) {
                Set<String> on = runningOn(rsc);
                if (on.size() > 1) {
                    String v = rsc + " active on " + on;
                    if (violations.isEmpty() || !violations.get(violations.size() - 1).equals(v)) violations.add(v);
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override public void close() throws IOException {
        closing = true;
        for (String n : new ArrayList<>(running.keySet())) crash(n);
        if (witness != null) witness.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
