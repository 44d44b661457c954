package pacer.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import pacer.api.auth.Authenticator;
import pacer.api.auth.PasswordFile;
import pacer.api.tls.ServerCertificate;

/**
 * An in-process API server on loopback for tests: a password file with cheap hashes, a settable
 * clock, and an HTTPS client that trusts the server's self-signed certificate.
 */
final class TestApi implements AutoCloseable {
    /** A clock the test moves by hand. */
    static final class ManualClock implements InstantSource {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override public Instant instant() { return now; }

        void advance(Duration d) { now = now.plus(d); }
    }

    static final int TEST_ITERATIONS = 1_000;

    final Path stateDir;
    final ManualClock clock = new ManualClock();
    final ApiServer server;
    final HttpClient http;

    TestApi(Path stateDir, ServerCertificate cert, Authenticator auth) throws Exception {
        this.stateDir = stateDir;
        ApiSettings settings = ApiSettings.defaults("n1", stateDir, stateDir.resolve("etc/cluster.conf"),
                stateDir.resolve("etc/authkey")).withListen("127.0.0.1", 0).withThrottle(3, Duration.ofSeconds(2),
                Duration.ofMinutes(1));
        server = ApiServer.create(settings, auth, cert, ClusterLifecycle.manual("n1", settings.configPath()), clock);
        server.start();
        http = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A server checking logins against {@code stateDir/passwords}, with users hacluster (haclient) and guest. */
    static TestApi withPasswordFile(Path stateDir, ServerCertificate cert) throws Exception {
        PasswordFile file = new PasswordFile(stateDir.resolve("passwords"));
        file.set("hacluster", "secret".toCharArray(), Set.of("haclient"), TEST_ITERATIONS);
        file.set("guest", "guest".toCharArray(), Set.of("users"), TEST_ITERATIONS);
        return new TestApi(stateDir, cert, new pacer.api.auth.FileAuthenticator(file));
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String user, String password) throws Exception {
        return post("/auth", null, "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    /** Logs in as hacluster and returns the token. */
    String token() throws Exception {
        String body = login("hacluster", "secret").body();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {new X509ExtendedTrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] c, String a, java.net.Socket s) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a, java.net.Socket s) { }
            @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
            @Override public void checkClientTrusted(X509Certificate[] c, String a) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a) { }
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, new SecureRandom());
        return context;
    }

    @Override
    public void close() {
        server.close();
    }
}
