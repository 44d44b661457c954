package pacer.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.api.ApiException;
import pacer.api.ApiServer;
import pacer.api.ClusterLifecycle;
import pacer.api.LocalCluster;
import pacer.api.QuorumDeviceAdmin;
import pacer.membership.QuorumDevice;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigException;

/**
 * The cluster side of one pacerd, started and stopped while pacerd runs: at start-up when a
 * configuration exists, or later through the API ({@code pcs cluster start}, after
 * {@code pcs cluster setup} wrote the configuration), and stopped cleanly by
 * {@code pcs cluster stop} or at shutdown. The HTTPS API stays up throughout. Also the boot choice
 * ({@code pcs cluster enable|disable}, {@link AutoStart}) and {@code pcs cluster destroy}.
 *
 * <p>Guarded by {@code this}: start and stop may come from the API's threads and the shutdown hook.
 */
final class ClusterRuntime implements ClusterLifecycle, QuorumDeviceAdmin {
    private final Logger log = LoggerFactory.getLogger(ClusterRuntime.class);
    private final Path config;
    private final String name;
    private final Path stateDir;
    private final int controlPort;
    private final AutoStart autoStart;
    private final BootService boot;
    private final WitnessHost witness;
    private Optional<ApiServer> api = Optional.empty();
    private PacerNode node;

    ClusterRuntime(Path config, String name, Path stateDir, int controlPort, BootService boot) {
        this(config, name, stateDir, controlPort, boot, new WitnessHost(config.resolveSibling("qnetd"),
                QuorumDevice.DEFAULT_PORT));
    }

    /** @param witness the quorum witness this pacerd runs for other clusters, if set up */
    ClusterRuntime(Path config, String name, Path stateDir, int controlPort, BootService boot, WitnessHost witness) {
        this.witness = witness;
        this.config = config;
        this.name = name;
        this.stateDir = stateDir;
        this.controlPort = controlPort;
        this.autoStart = new AutoStart(stateDir);
        this.boot = boot;
    }

    /** Whether pacerd should start the cluster when it starts ({@code pcs cluster enable|disable}). */
    boolean autoStart() { return autoStart.enabled(); }

    synchronized void attach(Optional<ApiServer> server) { this.api = server; }

    /** Starts the cluster here with the configuration as it is now on disk. */
    synchronized void startNode(ClusterConfig cluster) throws Exception {
        if (node != null) return;
        PacerNode n = new PacerNode(cluster, name, stateDir, controlPort);
        try {
            n.start();
        } catch (Exception e) {
            n.close();
            throw e;
        }
        node = n;
        api.ifPresent(a -> a.attach(LocalCluster.of(cluster.clusterName(), n.bus(), n.cib())));
    }

    @Override
    public synchronized String start() throws ApiException {
        if (node != null) return "the cluster is already running on " + name;
        if (!Files.exists(config)) {
            throw new ApiException(409, "NOT_SET_UP", name + " has no cluster configuration (" + config
                    + "): run 'pcs cluster setup NAME NODE...' first");
        }
        try {
            startNode(ClusterConfig.load(config));
            return "started";
        } catch (ClusterConfigException e) {
            throw new ApiException(409, "BAD_CONFIG", "the cluster configuration on " + name + " is not usable: "
                    + e.getMessage());
        } catch (Exception e) {
            log.error("Starting the cluster failed", e);
            throw new ApiException(500, "START_FAILED", "starting the cluster on " + name + " failed: " + e.getMessage()
                    + " (see " + stateDir.resolve("pacerd.log") + ")");
        }
    }

    /**
     * Records that pacerd starts the cluster when it starts, and where systemd runs the machine
     * enables {@code pacerd.service}; without systemd it says that nothing starts pacerd at boot.
     */
    @Override
    public synchronized String enable() throws ApiException {
        try {
            String systemd = boot.present() ? boot.enable() : null;
            autoStart.set(true);
            return "Cluster Enabled" + (systemd != null ? ""
                    : " (recorded in " + autoStart.file() + "; this machine has no systemd, so nothing here starts pacerd"
                    + " at boot: have your init system run pacerd, which will then start the cluster)");
        } catch (IOException e) {
            throw new ApiException(500, "ENABLE_FAILED", "enabling the cluster on " + name + " failed: " + e.getMessage());
        }
    }

    /**
     * Records that pacerd does not start the cluster when it starts. pacerd itself stays enabled,
     * since its HTTPS API must answer ({@code pcs cluster start} starts the cluster by hand).
     */
    @Override
    public synchronized String disable() throws ApiException {
        try {
            autoStart.set(false);
            return "Cluster Disabled";
        } catch (IOException e) {
            throw new ApiException(500, "DISABLE_FAILED", "disabling the cluster on " + name + " failed: " + e.getMessage()
                    + " (check that " + stateDir + " is writable)");
        }
    }

    /**
     * Stops the cluster here (cleanly), then removes the configuration first (so that a failure
     * half way leaves a node that is no longer in a cluster, never one that would rejoin without
     * its key or CIB), the key, the CIB and the boot choice.
     */
    @Override
    public synchronized String destroy() throws ApiException {
        stop();
        Path key = config.resolveSibling("authkey");
        try {
            if (Files.exists(config)) key = ClusterConfig.load(config).keyFile();
        } catch (ClusterConfigException e) {
            log.warn("Destroying a cluster whose configuration does not parse; removing {} and {}", config, key);
        }
        List<Path> removed = new ArrayList<>();
        try {
            for (Path p : List.of(config, key)) {
                if (Files.deleteIfExists(p)) removed.add(p);
            }
            Path cib = stateDir.resolve("cib");
            if (Files.exists(cib)) {
                try (Stream<Path> files = Files.walk(cib)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                }
                removed.add(cib);
            }
            autoStart.forget();
        } catch (IOException e) {
            throw new ApiException(500, "DESTROY_FAILED", "destroying the cluster on " + name + " stopped half way: "
                    + e.getMessage() + (removed.isEmpty() ? "" : "; already removed: " + removed)
                    + "; remove the rest by hand (" + config + ", " + key + ", " + stateDir.resolve("cib") + ")");
        }
        log.info("Cluster destroyed on {}: removed {}", name, removed);
        return "Successfully destroyed cluster";
    }

    /**
     * A running cluster takes the new node list at once ({@code JGroupsBus.reloadNodes}: discovery
     * and quorum); a stopped one reads the file when it starts.
     */
    @Override
    public synchronized String reload(ClusterConfig next) throws ApiException {
        if (node == null) return "the cluster is not running on " + name + "; it reads the new node list when it starts";
        try {
            node.bus().reloadNodes(next);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ApiException(409, "RELOAD_REFUSED", "the running cluster on " + name + " cannot take the new"
                    + " node list: " + e.getMessage());
        }
        log.info("Cluster configuration reloaded: nodes {}", next.nodeNames());
        return "Cluster configuration reloaded";
    }

    @Override
    public synchronized String stop() {
        if (node == null) return "the cluster is not running on " + name;
        api.ifPresent(ApiServer::detach);
        node.close();
        node = null;
        return "stopped";
    }

    // ---- the quorum device ----

    /**
     * {@code pcs quorum device add|remove} on this node: cluster.conf rewritten atomically with the
     * device (two_node and expected votes follow), and the running cluster switched to it at once.
     */
    @Override
    public synchronized String useQuorumDevice(Optional<QuorumDevice> device, boolean checkOnly) throws ApiException {
        if (!Files.exists(config)) {
            throw new ApiException(409, "NOT_SET_UP", name + " has no cluster configuration (" + config
                    + "): run 'pcs cluster setup NAME NODE...' first");
        }
        ClusterConfig next;
        try {
            next = ClusterConfig.load(config).withQuorumDevice(device);
        } catch (ClusterConfigException e) {
            throw new ApiException(409, "BAD_CONFIG", "the cluster configuration on " + name + " is not usable: "
                    + e.getMessage());
        }
        if (checkOnly) return name + " can use " + device.map(d -> "quorum device " + d.address()).orElse("no quorum device");
        try {
            Path tmp = Files.createTempFile(config.toAbsolutePath().getParent(), ".cluster.conf", ".tmp");
            Files.writeString(tmp, next.format());
            Files.move(tmp, config, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ApiException(500, "NOT_WRITABLE", "cannot rewrite " + config + " on " + name + ": " + e.getMessage());
        }
        if (node != null) {
            try {
                node.useQuorumDevice(next);
            } catch (IOException e) {
                throw new ApiException(500, "QDEVICE_FAILED", "the configuration is written but the running cluster"
                        + " on " + name + " could not switch to it: " + e.getMessage() + "; run 'pcs cluster stop' and"
                        + " 'pcs cluster start' on " + name);
            }
        }
        log.info("Quorum device: {} (expected votes {})", device.map(d -> "witness " + d.address()).orElse("none"),
                next.expectedVotes());
        return device.map(d -> "using quorum device " + d.address() + ", expected votes " + next.expectedVotes())
                .orElse("no quorum device; expected votes " + next.expectedVotes()
                        + (next.twoNode() ? " (two_node)" : ""));
    }

    @Override
    public String serveCluster(String cluster, byte[] witnessKey) throws ApiException {
        return witness.serve(cluster, witnessKey);
    }

    @Override
    public String forgetCluster(String cluster) throws ApiException {
        return witness.forget(cluster);
    }

    @Override
    public List<String> witnessStatus() {
        return witness.status();
    }

    /** pacerd's start: the witness listens if it already serves clusters. */
    void startWitness() {
        witness.startIfServing();
    }

    void closeWitness() {
        witness.close();
    }
}
