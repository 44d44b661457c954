package pacer.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.api.ApiException;
import pacer.api.ApiServer;
import pacer.api.ClusterLifecycle;
import pacer.api.LocalCluster;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigException;

/**
 * The cluster side of one pacerd, started and stopped while pacerd runs: at start-up when a
 * configuration exists, or later through the API ({@code pcs cluster start}, after
 * {@code pcs cluster setup} wrote the configuration), and stopped cleanly by
 * {@code pcs cluster stop} or at shutdown. The HTTPS API stays up throughout.
 *
 * <p>Guarded by {@code this}: start and stop may come from the API's threads and the shutdown hook.
 */
final class ClusterRuntime implements ClusterLifecycle {
    private final Logger log = LoggerFactory.getLogger(ClusterRuntime.class);
    private final Path config;
    private final String name;
    private final Path stateDir;
    private final int controlPort;
    private Optional<ApiServer> api = Optional.empty();
    private PacerNode node;

    ClusterRuntime(Path config, String name, Path stateDir, int controlPort) {
        this.config = config;
        this.name = name;
        this.stateDir = stateDir;
        this.controlPort = controlPort;
    }

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

    @Override
    public synchronized String stop() {
        if (node == null) return "the cluster is not running on " + name;
        api.ifPresent(ApiServer::detach);
        node.close();
        node = null;
        return "stopped";
    }
}
