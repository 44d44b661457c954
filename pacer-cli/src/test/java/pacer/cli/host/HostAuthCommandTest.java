package pacer.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.api.tls.ServerCertificate;

/** {@code pacer host auth} / {@code cluster auth} / {@code host deauth} / {@code host password} against in-process APIs. */
class HostAuthCommandTest {
    @TempDir static Path certDir;
    static ServerCertificate cert;

    @TempDir Path dir;
    ApiNodes nodes;

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = ServerCertificate.selfSigned(certDir, "node");
    }

    @BeforeEach
    void start() throws Exception {
        nodes = new ApiNodes(dir, cert);
        nodes.start("n1");
        nodes.start("n2");
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    private static List<String> args(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    @DisplayName("host auth n1 n2 -u hacluster -p PW prints 'n1: Authorized' per node and keeps tokens and pins, 0600")
    void authorizes() throws Exception {
        ApiNodes.Run run = nodes.pacer("", args(List.of("host", "auth"), args(nodes.authWords(), "-u", "hacluster", "-p", "secret")
                .toArray(String[]::new)));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("n1: Authorized\nn2: Authorized\n");
        String known = Files.readString(nodes.knownHosts());
        assertThat(known).contains("\"n1\"", "\"n2\"", "\"token\"", cert.fingerprint());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nodes.knownHosts()))).isEqualTo("rw-------");
    }

    @Test
    @DisplayName("Without -p the password is read from standard input when there is no terminal (0.9 spelling: cluster auth)")
    void passwordFromStdin() {
        ApiNodes.Run run = nodes.pacer("secret\n", args(List.of("cluster", "auth"), nodes.authWords().toArray(String[]::new)));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("n1: Authorized", "n2: Authorized");
    }

    @Test
    @DisplayName("A wrong password names the user, how to set its password, and the haclient group")
    void wrongPassword() {
        ApiNodes.Run run = nodes.pacer("", args(List.of("host", "auth"), args(nodes.authWords(), "-p", "nope")
                .toArray(String[]::new)));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Error: n1: Unable to authenticate user 'hacluster' on n1 (127.0.0.1:",
                "pacer host password hacluster", "group 'haclient'");
        assertThat(nodes.knownHosts()).doesNotExist();
    }

    @Test
    @DisplayName("An unreachable node names the host, the port and what to check; the reachable one is still authorized")
    void unreachable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ApiNodes.Run run = nodes.pacer("", List.of("host", "auth", "n1", "addr=127.0.0.1:" + nodes.servers.get("n1").port(),
                "n3", "addr=127.0.0.1:" + closed, "-p", "secret"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("n1: Authorized\n");
        assertThat(run.err()).contains("Error: n3: unable to connect to n3 (127.0.0.1:" + closed + ")",
                "Is pacerd running on n3", "ss -ltnp | grep " + closed, "firewall");
    }

    @Test
    @DisplayName("A node showing another certificate than the pinned one is refused until host deauth")
    void certificateChanged() throws Exception {
        nodes.pacer("", args(List.of("host", "auth"), args(nodes.authWords(), "-p", "secret").toArray(String[]::new)));
        String forged = Files.readString(nodes.knownHosts()).replace(cert.fingerprint(), "00:11:22");
        Files.writeString(nodes.knownHosts(), forged);
        ApiNodes.Run again = nodes.pacer("", List.of("host", "auth", "n1", "-p", "secret"));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("the certificate of n1", "is not the one pinned", "pacer host deauth n1");
        assertThat(nodes.pacer("", List.of("host", "deauth", "n1")).out()).isEqualTo("n1: Deauthorized\n");
        ApiNodes.Run fresh = nodes.pacer("", args(List.of("host", "auth"), args(nodes.authWords().subList(0, 2), "-p", "secret")
                .toArray(String[]::new)));
        assertThat(fresh.out()).isEqualTo("n1: Authorized\n");
    }

    @Test
    @DisplayName("host password writes the password file pacerd reads: a node using it then authorizes")
    void hostPassword() throws Exception {
        ApiNodes.Run set = ApiNodes.pacerRaw("s3cret!\n", List.of("host", "password", "admin", "--state-dir",
                nodes.state("n1").toString()));
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("Password of admin set in", "(groups: haclient)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nodes.state("n1").resolve("passwords"))))
                .isEqualTo("rw-------");
        ApiNodes.Run run = nodes.pacer("", args(List.of("host", "auth"), args(nodes.authWords().subList(0, 2),
                "-u", "admin", "-p", "s3cret!").toArray(String[]::new)));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("n1: Authorized\n");
    }
}
