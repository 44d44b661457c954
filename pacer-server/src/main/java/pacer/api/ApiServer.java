package pacer.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.api.auth.Authenticator;
import pacer.api.auth.Authenticators;
import pacer.api.auth.LoginThrottle;
import pacer.api.auth.PasswordFile;
import pacer.api.auth.TokenStore;
import pacer.api.setup.ConfigUpdate;
import pacer.api.setup.NodeSetup;
import pacer.api.tls.ServerCertificate;

/**
 * pacerd's HTTPS management API: the JDK's {@link HttpsServer}, TLS 1.2 and 1.3 only, and the
 * request chain built in {@link #create}: {@link ErrorMapping} → {@link Authentication} →
 * {@link AuditTrail} → {@link Router}. The route list there is the API's table of contents
 * ({@code docs/api.md} describes each route).
 *
 * <p>Requests are served on a small pool of threads (a PAM check may take seconds). Plain HTTP
 * to the port fails the TLS handshake and the connection is closed.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final int THREADS = 4;
    private static final int MAX_BODY = 16 << 20;

    private final HttpsServer server;
    private final ExecutorService threads;
    private final List<Interceptor> chain;
    private final String fingerprint;
    private final AtomicReference<LocalCluster> cluster;

    private ApiServer(HttpsServer server, ExecutorService threads, List<Interceptor> chain, String fingerprint,
                      AtomicReference<LocalCluster> cluster) {
        this.server = server;
        this.threads = threads;
        this.chain = chain;
        this.fingerprint = fingerprint;
        this.cluster = cluster;
    }

    /** The API as pacerd runs it: authentication chosen by availability, certificate from the settings. */
    public static ApiServer create(ApiSettings settings, ClusterLifecycle lifecycle, InstantSource clock)
            throws IOException, GeneralSecurityException {
        Authenticator auth = Authenticators.choose(settings.authMode(), new PasswordFile(settings.passwordFile()));
        return create(settings, auth, certificate(settings), lifecycle, clock);
    }

    /** The certificate the settings ask for: a configured keystore, or the self-signed one. */
    public static ServerCertificate certificate(ApiSettings settings) throws IOException, GeneralSecurityException {
        return settings.keystore().isPresent()
                ? ServerCertificate.load(settings.keystore().get().file(), settings.keystore().get().passwordFile())
                : ServerCertificate.selfSigned(settings.stateDir(), settings.nodeName());
    }

    /** The API with every part given (tests inject the authenticator, certificate and clock). */
    public static ApiServer create(ApiSettings s, Authenticator auth, ServerCertificate cert, ClusterLifecycle lifecycle,
                                   InstantSource clock) throws IOException, GeneralSecurityException {
        Json json = new Json();
        AtomicReference<LocalCluster> cluster = new AtomicReference<>();
        TokenStore tokens = new TokenStore(s.stateDir().resolve("tokens"), s.tokenLifetime(), clock);
        LoginThrottle throttle = new LoginThrottle(s.freeFailures(), s.baseDelay(), s.maxDelay(), clock);
        NodeSetup setup = new NodeSetup(s.configPath(), s.keyPath(), () -> cluster.get() != null, s.nodeName());
        AuthEndpoint authEndpoint = new AuthEndpoint(auth, throttle, tokens, json, s.nodeName());
        StatusEndpoints status = new StatusEndpoints(cluster::get, json, s.nodeName());
        ClusterEndpoints clusterEndpoints = new ClusterEndpoints(setup, lifecycle, json, s.nodeName());
        // pacerd's lifecycle (ClusterRuntime) also runs the quorum device; other lifecycles (tests) do not.
        QdeviceEndpoints qdevice = new QdeviceEndpoints(lifecycle instanceof QuorumDeviceAdmin q ? q
                : QuorumDeviceAdmin.unavailable(), json, s.nodeName());
        ClusterConfigEndpoints configEndpoints = new ClusterConfigEndpoints(
                new ConfigUpdate(s.configPath(), s.keyPath(), s.nodeName()), lifecycle, json, s.nodeName());
        Router router = new Router()
                .addOpen("POST", "/auth", authEndpoint::login)
                .add("GET", "/auth", authEndpoint::check)
                .add("GET", "/status", status::status)
                .add("GET", "/cib", status::readCib)
                .add("POST", "/cib", status::pushCib)
                .add("POST", "/cib/remove-node", status::removeNode)
                .add("POST", "/cluster/setup-node", clusterEndpoints::setupNode)
                .add("POST", "/cluster/setup-node/undo", clusterEndpoints::undo)
                .add("POST", "/cluster/start", clusterEndpoints::start)
                .add("POST", "/cluster/stop", clusterEndpoints::stop)
                .add("POST", "/cluster/enable", clusterEndpoints::enable)
                .add("POST", "/cluster/disable", clusterEndpoints::disable)
                .add("POST", "/cluster/destroy", clusterEndpoints::destroy)
                .add("POST", "/cluster/quorum-device", qdevice::useDevice)
                .add("POST", "/qdevice/clusters", qdevice::serveCluster)
                .add("POST", "/qdevice/clusters/remove", qdevice::forgetCluster)
                .add("GET", "/qdevice/status", qdevice::status)
                .add("GET", "/cluster/config", configEndpoints::read)
                .add("POST", "/cluster/config", configEndpoints::replace)
                .add("POST", "/cluster/authkey", configEndpoints::readKey);
        List<Interceptor> chain = List.of(new ErrorMapping(json),
                new Authentication(tokens, router::isOpen, s.nodeName()),
                new AuditTrail(new AuditLog(s.stateDir().resolve("audit.log"), clock)),
                router);

        InetSocketAddress address = s.bindAddress().isEmpty() ? new InetSocketAddress(s.port())
                : new InetSocketAddress(s.bindAddress(), s.port());
        // Small JSON exchanges: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms. The JDK reads this
        // once, when the first HTTP server of the JVM is made (pacerd makes this one before its control API).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpsServer server = HttpsServer.create(address, 0);
        server.setHttpsConfigurator(tlsOnly(cert.sslContext()));
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "pacer-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        ApiServer api = new ApiServer(server, threads, chain, cert.fingerprint(), cluster);
        server.createContext("/", api::serve);
        log.info("HTTPS API authentication: {}", auth.describe());
        return api;
    }

    private static HttpsConfigurator tlsOnly(SSLContext context) {
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = context.getDefaultSSLParameters();
                p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setSSLParameters(p);
            }
        };
    }

    /** Starts listening. */
    public void start() {
        server.start();
        log.info("HTTPS API listening on port {} (certificate SHA-256 {})", port(), fingerprint);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The SHA-256 fingerprint of the certificate it serves. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Connects the running cluster (pacerd calls this once its node is up). */
    public void attach(LocalCluster running) {
        cluster.set(running);
    }

    /** Disconnects it (the cluster stopped; the API stays). */
    public void detach() {
        cluster.set(null);
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            ApiResponse response = handle(request(ex));
            response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.getResponseHeaders().set("Content-Type", response.contentType() + "; charset=utf-8");
            byte[] body = response.body();
            ex.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Runs one request through the chain; never throws. */
    ApiResponse handle(ApiRequest request) {
        try {
            return new RealChain(chain, 0, request).proceed(request);
        } catch (Exception e) {
            log.error("{} failed outside the error mapping", request.action(), e);
            return ApiResponse.text(500, "text/plain", "internal error in pacerd\n");
        }
    }

    private static ApiRequest request(HttpExchange ex) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY);
        }
        String path = ex.getRequestURI().getPath();
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return new ApiRequest(ex.getRequestMethod().toUpperCase(Locale.ROOT), path, headers, body,
                ex.getRemoteAddress().getAddress().getHostAddress(), "");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
