package pacer.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.agents.AgentClock;
import pacer.agents.AgentHost;
import pacer.agents.AgentRunner;
import pacer.agents.ResourceAgents;
import pacer.agents.RunnerSettings;
import pacer.agents.ScheduledExecutorTimers;
import pacer.cib.Cib;
import pacer.controller.Controller;
import pacer.controller.ControllerSettings;
import pacer.executor.Executor;
import pacer.fencing.FenceAction;
import pacer.fencing.SelfFence;
import pacer.fencing.StonithFencer;
import pacer.membership.ClusterConfig;
import pacer.membership.JGroupsBus;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.store.CibDisk;
import pacer.store.CibStore;
import pacer.store.ReplicatedCib;
import pacer.time.SystemTimers;

/**
 * One running node: the object graph of pacerd, wired in one place. Membership (JGroups) below,
 * the replicated CIB on top of it, the local control API in front. Started once, closed once;
 * the roles it wires own their threads (see each class).
 *
 * <p>{@link #close} (SIGTERM) is a clean leave: the controller first asks the DC to move this
 * node's resources away and waits, bounded, until the DC lets it go ({@link Controller#shutdown}),
 * so that the others do not fence it; then everything stops and the node leaves the group.
 */
final class PacerNode implements AutoCloseable {
    private final ClusterConfig cluster;
    private final String name;
    private final Path stateDir;
    private final int controlPort;
    private final Logger log = LoggerFactory.getLogger(PacerNode.class);
    private JGroupsBus bus;
    private CibStore store;
    private ReplicatedCib cib;
    private ControlApi api;
    private SystemTimers timers;
    private ScheduledExecutorTimers agentTimers;
    private StonithFencer fencer;
    private Executor executor;
    private Controller controller;
    private byte[] witnessKey;

    PacerNode(ClusterConfig cluster, String name, Path stateDir, int controlPort) {
        this.cluster = cluster;
        this.name = name;
        this.stateDir = stateDir;
        this.controlPort = controlPort;
    }

    void start() throws Exception {
        log.info("Starting pacerd for cluster {} (token {} ms, state in {})", cluster.clusterName(),
                cluster.token().toMillis(), stateDir);
        store = CibStore.open(new CibDisk(stateDir.resolve("cib"), Clock.systemUTC()), name);
        bus = JGroupsBus.open(cluster, name);
        witnessKey = pacer.membership.ClusterKey.load(cluster.keyFile(), cluster.clusterName()).witnessKey();
        useQuorumDevice(cluster);
        timers = new SystemTimers("pacer-timers");
        cib = new ReplicatedCib(bus, store, timers, answerTimeout(cluster));
        cib.start();
        startResourceRoles();
        bus.onMembership(this::logMembership);
        bus.onMembership(this::recordIdentityWhenDc);
        store.addListener(this::followNoQuorumPolicy);
        followNoQuorumPolicy(store.current());
        bus.start();
        api = new ControlApi(controlPort, cib, bus, controller::requestFencing);
        api.start();
        log.info("pacerd is up; control API on 127.0.0.1:{}", api.port());
    }

    /**
     * The executor (runs what the DC asks, on every node) and the controller (the DC's reconcile
     * loop), on one timer thread and the agents' own; registered before the bus starts.
     */
    private void startResourceRoles() {
        agentTimers = ScheduledExecutorTimers.singleThread("pacer-agent-timers");
        ResourceAgents agents = new ResourceAgents(AgentHost.detect(),
                new AgentRunner(AgentClock.system(), agentTimers, RunnerSettings.detect()));
        fencer = StonithFencer.create(name, cib::read, agents);
        executor = new Executor(bus, agents, timers);
        executor.start();
        StonithFencer selfFencer = fencer;
        SelfFence selfFence = new SelfFence(() -> selfFencer.fence(name, FenceAction.REBOOT,
                "quorum lost and no-quorum-policy is suicide").whenComplete((r, e) -> {
                    if (e != null || r == null || !r.success()) {
                        log.error("Self-fencing {} failed: {}", name, e != null ? e : r == null ? "no result" : r.detail());
                    }
                }));
        controller = new Controller(bus, store, cib, fencer, timers, ControllerSettings.DEFAULTS, executor::stopAll,
                selfFence);
        controller.start();
    }

    /** Uses the quorum device {@code config} names (or none) from now on: {@code pcs quorum device add|remove}. */
    void useQuorumDevice(ClusterConfig config) throws java.io.IOException {
        if (witnessKey == null) {
            witnessKey = pacer.membership.ClusterKey.load(config.keyFile(), config.clusterName()).witnessKey();
        }
        bus.useQuorumDevice(config, config.quorumDevice().map(d -> new pacer.qdevice.QdeviceClient(config, name,
                witnessKey, pacer.qdevice.QdeviceClient::systemMonotonicMillis)));
    }

    /** How long the DC waits for a member's CIB version before asking again: two tokens, at least a second. */
    static Duration answerTimeout(ClusterConfig cluster) {
        Duration twoTokens = cluster.token().multipliedBy(2);
        return twoTokens.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : twoTokens;
    }

    private void logMembership(Membership m) {
        String dc = m.dc().map(Member::name).orElse("none");
        log.atInfo().addKeyValue("node", name).addKeyValue("view", m.viewId()).addKeyValue("dc", dc)
                .log("Membership: [{}], {}, DC {}", m.members().stream().map(Member::name).collect(Collectors.joining(" ")),
                        m.quorate() ? "quorate" : "NOT quorate", dc);
    }

    /** As Pacemaker's DC: dc-version, cluster-infrastructure and cluster-name in the CIB (once; on the DC only). */
    private void recordIdentityWhenDc(Membership m) {
        if (m.dc().filter(d -> d.name().equals(name)).isEmpty() || cib == null) return;
        new pacer.controller.ClusterOperations(cib).recordClusterIdentity(cluster.clusterName(),
                "pacer-" + java.util.Optional.ofNullable(Pacerd.class.getPackage().getImplementationVersion())
                        .orElse("development")).ifPresent(w -> w.whenComplete((r, e) -> {
                    if (e != null || r == null || !r.accepted()) {
                        log.debug("Recording the cluster's name and version in the CIB did not go through now: {}",
                                e != null ? e.getMessage() : r);
                    }
                }));
    }

    /** no-quorum-policy=ignore makes the coordinator the DC even without quorum. */
    private void followNoQuorumPolicy(Cib current) {
        boolean ignore = current.configuration().crmConfig().stream()
                .anyMatch(s -> "ignore".equals(s.values().get("no-quorum-policy")));
        if (bus != null) bus.setNoQuorumIgnore(ignore);
    }

    @Override
    public void close() {
        log.info("Stopping pacerd");
        if (api != null) api.close();
        if (controller != null) controller.shutdown(); // clean leave: resources moved away, expected=down
        if (controller != null) controller.close();
        if (executor != null) executor.close();
        if (fencer != null) fencer.close();
        if (cib != null) cib.close();
        if (bus != null) bus.close();
        if (store != null) store.close();
        if (timers != null) timers.close();
        if (agentTimers != null) agentTimers.close();
    }

    /** For tests that embed a node. */
    ReplicatedCib cib() { return cib; }

    JGroupsBus bus() { return bus; }

}
