package pacer.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pacerd}: one node of a Pacer cluster. Reads the cluster configuration, joins the other
 * nodes, keeps this node's copy of the replicated CIB, and answers the local control API. Runs
 * until it is told to stop (SIGTERM or SIGINT), then leaves the cluster cleanly.
 */
@Command(name = "pacerd", mixinStandardHelpOptions = true, versionProvider = PacerdVersion.class,
        description = "Runs one node of a Pacer cluster: membership, quorum, the DC and the replicated CIB.")
public final class Pacerd implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "The cluster configuration (default: ${DEFAULT-VALUE}).")
    Path config = ClusterConfig.DEFAULT_PATH;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where this node keeps its CIB, backups and log (default: ${DEFAULT-VALUE}).")
    Path stateDir = Path.of("/var/lib/pacer");

    @Option(names = "--node", paramLabel = "NAME", description = "This node's name in the configuration (default: the host name).")
    String node;

    @Option(names = "--control-port", paramLabel = "PORT", description = "Loopback port of the local control API (default: ${DEFAULT-VALUE}).")
    int controlPort = ControlApi.DEFAULT_PORT;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Pacerd()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ClusterConfig cluster;
        try {
            cluster = ClusterConfig.load(config);
        } catch (ClusterConfigException e) {
            System.err.println("pacerd: " + e.getMessage());
            return 78; // EX_CONFIG
        }
        String name = node != null ? node : NodeName.fromHost(cluster);
        Files.createDirectories(stateDir);
        // Logback reads these when the first logger is made, which is just below.
        System.setProperty("pacer.log.file", stateDir.resolve("pacerd.log").toString());
        System.setProperty("pacer.node", name);
        PacerNode pacerNode = new PacerNode(cluster, name, stateDir, controlPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pacerNode.close();
            stopped.countDown();
        }, "pacerd-shutdown"));
        try {
            pacerNode.start();
        } catch (java.net.BindException e) {
            System.err.println("pacerd: cannot listen: " + e.getMessage() + " (the control API port " + controlPort
                    + " or the cluster port of node " + name + " is taken by another program; choose another"
                    + " --control-port, or another port in " + config + ")");
            return 75; // EX_TEMPFAIL
        }
        stopped.await();
        return 0;
    }
}
