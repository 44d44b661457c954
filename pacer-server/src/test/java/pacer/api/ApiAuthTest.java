package pacer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.api.auth.PamAuthenticator;
import pacer.api.tls.ServerCertificate;

/** The HTTPS API's login, tokens, throttle, TLS and audit log, against a loopback server. */
class ApiAuthTest {
    @TempDir static Path certDir;
    static ServerCertificate cert;

    @TempDir Path state;
    TestApi api;

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = ServerCertificate.selfSigned(certDir, "n1");
    }

    @BeforeEach
    void start() throws Exception {
        api = TestApi.withPasswordFile(state, cert);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    @DisplayName("The right password gives a token that opens /status; the token file keeps only hashes, 0600")
    void login() throws Exception {
        HttpResponse<String> r = api.login("hacluster", "secret");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"user\":\"hacluster\"", "\"node\":\"n1\"", "\"auth_mode\":\"file\"");
        String token = api.token();
        HttpResponse<String> status = api.get("/status", token);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"in_cluster\":false");
        assertThat(Files.readString(state.resolve("tokens"))).doesNotContain(token).contains("hacluster");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("tokens")))).isEqualTo("rw-------");
    }

    @Test
    @DisplayName("A wrong password is 401 naming the user and how to set its password")
    void wrongPassword() throws Exception {
        HttpResponse<String> r = api.login("hacluster", "nope");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("BAD_CREDENTIALS", "'hacluster'", "pacer host password hacluster");
        assertThat(r.body()).doesNotContain("token\":");
    }

    @Test
    @DisplayName("No token, a forged token and an expired token are all 401 with 'run pacer host auth'")
    void tokens() throws Exception {
        HttpResponse<String> none = api.get("/status", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("NO_TOKEN", "pacer host auth n1");
        HttpResponse<String> forged = api.get("/status", "Zm9yZ2VkLXRva2Vu");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("BAD_TOKEN", "pacer host auth n1");
        String token = api.token();
        api.clock.advance(Duration.ofDays(91));
        assertThat(api.get("/status", token).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("Tokens survive a restart of the API")
    void tokensPersist() throws Exception {
        String token = api.token();
        api.close();
        api = TestApi.withPasswordFile(state, cert);
        assertThat(api.get("/auth", token).body()).contains("\"user\":\"hacluster\"");
    }

    @Test
    @DisplayName("After 3 failures even the right password is refused (429) until the backoff passes, then it doubles")
    void throttle() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(api.login("hacluster", "guess" + i).statusCode()).isEqualTo(401);
        HttpResponse<String> blocked = api.login("hacluster", "secret");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("THROTTLED", "too many failed logins for user 'hacluster' from 127.0.0.1");
        assertThat(blocked.headers().firstValue("Retry-After")).contains("2");
        assertThat(api.login("guest", "guest").statusCode()).as("another user is not throttled").isEqualTo(403);

        api.clock.advance(Duration.ofSeconds(2));
        assertThat(api.login("hacluster", "guess3").statusCode()).isEqualTo(401);
        api.clock.advance(Duration.ofSeconds(3));
        assertThat(api.login("hacluster", "secret").statusCode()).as("4 s after the 4th failure").isEqualTo(429);
        api.clock.advance(Duration.ofSeconds(1));
        assertThat(api.login("hacluster", "secret").statusCode()).isEqualTo(200);
        assertThat(api.login("hacluster", "guess").statusCode()).as("success cleared the failures").isEqualTo(401);
        assertThat(api.login("hacluster", "secret").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("A user outside haclient is refused (403) in password-file mode, naming the group")
    void notInGroupFile() throws Exception {
        HttpResponse<String> r = api.login("guest", "guest");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("NOT_IN_GROUP", "'guest' is not in group 'haclient' on n1");
    }

    @Test
    @DisplayName("The PAM path checks the haclient group after the password (injected lookups)")
    void notInGroupPam() {
        PamAuthenticator pam = new PamAuthenticator((u, p, s) -> new String(p).equals("pw"),
                u -> u.equals("hacluster") ? Set.of("haclient") : Set.of("users"), "pacer");
        assertThat(pam.authenticate("hacluster", "pw".toCharArray(), "::1")).isEqualTo(pacer.api.auth.Authenticator.Outcome.GRANTED);
        assertThat(pam.authenticate("alice", "pw".toCharArray(), "::1")).isEqualTo(pacer.api.auth.Authenticator.Outcome.NOT_IN_GROUP);
        assertThat(pam.authenticate("hacluster", "no".toCharArray(), "::1")).isEqualTo(pacer.api.auth.Authenticator.Outcome.BAD_CREDENTIALS);
        assertThat(pam.passwordCommand("hacluster")).isEqualTo("passwd hacluster");
    }

    @Test
    @DisplayName("Plain HTTP to the API port is refused: the connection fails, nothing is served")
    void plainHttpRefused() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + "/status"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        assertThatThrownBy(() -> plain.send(r, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("Only TLS 1.2 and 1.3 are offered: a TLS 1.1 client is refused")
    void tlsVersions() throws Exception {
        try (SSLSocket s = (SSLSocket) TestApi.trustAll().getSocketFactory().createSocket("127.0.0.1", api.server.port())) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
        assertThatThrownBy(() -> {
            try (SSLSocket s = (SSLSocket) TestApi.trustAll().getSocketFactory().createSocket("127.0.0.1", api.server.port())) {
                s.setEnabledProtocols(new String[] {"TLSv1.1"});
                s.startHandshake();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("The audit log records login attempts with user, source, action and result")
    void auditOfLogins() throws Exception {
        api.login("hacluster", "nope");
        api.token();
        api.get("/status", null);
        String audit = Files.readString(state.resolve("audit.log"));
        assertThat(audit.lines()).hasSize(2);
        assertThat(audit).contains("user=hacluster source=127.0.0.1 action=\"POST /auth\" object=token"
                + " result=\"401 denied: wrong user or password\"");
        assertThat(audit).contains("result=\"200 granted\"").startsWith("time=2025-01-01T00:00:00Z ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("audit.log")))).isEqualTo("rw-------");
    }

    @Test
    @DisplayName("Unknown paths and wrong methods are answered in JSON after authentication")
    void routing() throws Exception {
        String token = api.token();
        assertThat(api.get("/nope", token).statusCode()).isEqualTo(404);
        HttpResponse<String> r = api.post("/status", token, "{}");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.body()).contains("/status takes GET");
        assertThat(api.post("/auth", null, "not json").body()).contains("BAD_REQUEST", "not valid JSON");
    }
}
