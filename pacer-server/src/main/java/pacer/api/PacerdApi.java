package pacer.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How pacerd starts its HTTPS API. A node that runs a cluster keeps running it when the API
 * cannot start (the port is taken, no certificate): the management API must never take the
 * cluster down, as pcsd failing never stops Pacemaker. A node without a cluster configuration has
 * nothing else to do, so there the failure is fatal.
 */
public final class PacerdApi {
    private static final Logger log = LoggerFactory.getLogger(PacerdApi.class);

    private PacerdApi() {}

    /**
     * Creates and starts the API; empty (after logging why) when it cannot.
     *
     * @param required whether pacerd has nothing to do without the API (no cluster configured)
     * @throws IllegalStateException when {@code required} and the API cannot start
     */
    public static Optional<ApiServer> start(ApiSettings settings, InstantSource clock, boolean required) {
        return start(settings, clock, required, ClusterLifecycle.manual(settings.nodeName(), settings.configPath()));
    }

    /** As above, with what {@code POST /cluster/start} and {@code /cluster/stop} do on this node. */
    public static Optional<ApiServer> start(ApiSettings settings, InstantSource clock, boolean required,
                                            ClusterLifecycle lifecycle) {
        try {
            ApiServer api = ApiServer.create(settings, lifecycle, clock);
            api.start();
            return Optional.of(api);
        } catch (java.net.BindException e) {
            return failed("the HTTPS API cannot listen on port " + settings.port() + " (" + e.getMessage()
                    + "): another program holds it (see 'ss -ltnp | grep " + settings.port() + "'); choose another"
                    + " --api-port", e, required);
        } catch (Exception e) {
            return failed("the HTTPS API cannot start: " + e.getMessage(), e, required);
        }
    }

    private static Optional<ApiServer> failed(String message, Exception e, boolean required) {
        if (required) throw new IllegalStateException(message, e);
        log.error("{}; the cluster runs on without it, but 'pacer host auth' and 'pacer cluster setup' cannot reach"
                + " this node", message);
        return Optional.empty();
    }

    /** The host name without its domain, the node name when pacerd has no configuration to look it up in. */
    public static String hostName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
    }
}
