package pacer.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import pacer.api.ApiServer;
import pacer.api.ApiSettings;
import pacer.api.PacerdApi;
import pacer.api.auth.Authenticators;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pacerd}: one node of a Pacer cluster. Reads the cluster configuration, joins the other
 * nodes, keeps this node's copy of the replicated CIB, and answers the local control API and the HTTPS
 * management API (port 2224; without a configuration, only that API runs, waiting for {@code
 * pacer cluster setup}). Runs
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

    @Option(names = "--api-port", paramLabel = "PORT", description = "Port of the HTTPS management API (default: ${DEFAULT-VALUE}).")
    int apiPort = ApiSettings.DEFAULT_PORT;

    @Option(names = "--api-bind", paramLabel = "ADDRESS", description = "Address the HTTPS API listens on (default: all).")
    String apiBind = "";

    @Option(names = "--auth", paramLabel = "auto|pam|file", description = "How the HTTPS API checks passwords: PAM,"
            + " the password file STATE-DIR/passwords, or PAM where available (default: ${DEFAULT-VALUE}).")
    String auth = "auto";

    @Option(names = "--api-keystore", paramLabel = "FILE", description = "A PKCS#12 keystore for the HTTPS API instead of"
            + " the self-signed certificate; its password is the first line of --api-keystore-password-file.")
    Path apiKeystore;

    @Option(names = "--api-keystore-password-file", paramLabel = "FILE", description = "The password of --api-keystore.")
    Path apiKeystorePassword;

    @Option(names = "--qnetd-dir", paramLabel = "DIR", description = "The quorum witness's folder (default: the"
            + " folder 'qnetd' beside --config). 'pcs qdevice setup model net' makes it; pacerd then serves as the quorum"
            + " witness of the clusters whose keys 'pcs quorum device add' puts there.")
    Path qnetdDir;

    @Option(names = "--qnetd-port", paramLabel = "PORT", description = "The quorum witness's TCP port (default: ${DEFAULT-VALUE}).")
    int qnetdPort = pacer.membership.QuorumDevice.DEFAULT_PORT;

    @Option(names = "--no-api", description = "Do not start the HTTPS management API.")
    boolean noApi;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Pacerd()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ClusterConfig cluster = null;
        try {
            // Without a configuration, pacerd serves only the HTTPS API and waits for `pacer cluster setup`.
            if (noApi || Files.exists(config)) cluster = ClusterConfig.load(config);
        } catch (ClusterConfigException e) {
            System.err.println("pacerd: " + e.getMessage());
            return 78; // EX_CONFIG
        }
        String name = node != null ? node : cluster != null ? NodeName.fromHost(cluster) : PacerdApi.hostName();
        Files.createDirectories(stateDir);
        // Logback reads these when the first logger is made, which is just below.
        System.setProperty("pacer.log.file", stateDir.resolve("pacerd.log").toString());
        System.setProperty("pacer.node", name);
        ClusterRuntime runtime = new ClusterRuntime(config, name, stateDir, controlPort, BootService.systemd(),
                new WitnessHost(qnetdDir != null ? qnetdDir : config.toAbsolutePath().resolveSibling("qnetd"), qnetdPort));
        runtime.startWitness();
        Optional<ApiServer> api;
        try {
            api = noApi ? Optional.empty()
                    : PacerdApi.start(apiSettings(name, cluster), InstantSource.system(), cluster == null, runtime);
        } catch (IllegalStateException e) {
            System.err.println("pacerd: " + e.getMessage());
            return 75; // EX_TEMPFAIL
        }
        runtime.attach(api);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.ifPresent(ApiServer::close);
            runtime.stop();
            runtime.closeWitness();
            stopped.countDown();
        }, "pacerd-shutdown"));
        if (cluster == null) {
            LoggerFactory.getLogger(Pacerd.class).info("No cluster configuration at {}: serving only the HTTPS API"
                    + " until 'pacer cluster setup' writes one and 'pacer cluster start' starts it", config);
            stopped.await();
            return 0;
        }
        if (!noApi && !runtime.autoStart()) {
            LoggerFactory.getLogger(Pacerd.class).info("The cluster is disabled on {} ('pcs cluster disable' recorded it in"
                    + " {}): serving only the HTTPS API until 'pcs cluster start'", name, stateDir.resolve(AutoStart.FILE));
            stopped.await();
            return 0;
        }
        try {
            runtime.startNode(cluster);
        } catch (java.net.BindException e) {
            System.err.println("pacerd: cannot listen: " + e.getMessage() + " (the control API port " + controlPort
                    + " or the cluster port of node " + name + " is taken by another program; choose another"
                    + " --control-port, or another port in " + config + ")");
            return 75; // EX_TEMPFAIL
        }
        stopped.await();
        return 0;
    }

    private ApiSettings apiSettings(String name, ClusterConfig cluster) {
        Path keyFile = cluster != null ? cluster.keyFile() : config.resolveSibling("authkey");
        ApiSettings settings = ApiSettings.defaults(name, stateDir, config, keyFile).withListen(apiBind, apiPort)
                .withAuthMode(Authenticators.Mode.of(auth));
        return apiKeystore == null ? settings
                : settings.withKeystore(new ApiSettings.Keystore(apiKeystore, apiKeystorePassword));
    }
}
