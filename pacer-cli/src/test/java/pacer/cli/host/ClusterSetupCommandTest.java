package pacer.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.api.tls.ServerCertificate;

/** {@code pacer cluster setup}, all or nothing, against in-process APIs. */
class ClusterSetupCommandTest {
    @TempDir static Path certDir;
    static ServerCertificate cert;

    @TempDir Path dir;
    ApiNodes nodes;
    HttpsServer fake;

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
        if (fake != null) fake.stop(0);
    }

    private void authorize(List<String> words) {
        List<String> args = new ArrayList<>(List.of("host", "auth"));
        args.addAll(words);
        args.addAll(List.of("-p", "secret"));
        ApiNodes.Run run = nodes.pacer("", args);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    @DisplayName("cluster setup NAME n1 addr=.. n2 addr=.. writes the same configuration and key on both nodes")
    void setsUp() throws Exception {
        authorize(nodes.authWords());
        ApiNodes.Run run = nodes.pacer("", List.of("cluster", "setup", "webcluster", "n1", "addr=127.0.0.11", "n2",
                "addr=127.0.0.12"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("n1: Succeeded\nn2: Succeeded\n", "Cluster 'webcluster' has been set up on n1, n2.");
        String c1 = Files.readString(nodes.configPath("n1"));
        assertThat(c1).contains("cluster_name = webcluster", "two_node = 1", "node n1 addr=127.0.0.11 nodeid=1",
                "node n2 addr=127.0.0.12 nodeid=2", "keyfile = " + nodes.state("n1").resolve("etc/authkey"));
        assertThat(Files.readAllBytes(nodes.state("n1").resolve("etc/authkey")))
                .hasSize(256).isEqualTo(Files.readAllBytes(nodes.state("n2").resolve("etc/authkey")));
        assertThat(Files.readString(nodes.state("n2").resolve("audit.log"))).contains("POST /cluster/setup-node", "written");
    }

    @Test
    @DisplayName("The 0.9 spelling --name NAME works too")
    void oldSpelling() throws Exception {
        authorize(nodes.authWords());
        ApiNodes.Run run = nodes.pacer("", List.of("cluster", "setup", "--name", "web", "n1", "addr=127.0.0.11", "n2",
                "addr=127.0.0.12"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(nodes.configPath("n2"))).contains("cluster_name = web");
    }

    @Test
    @DisplayName("A node already in a cluster refuses in the check phase, and no node is written")
    void refusedInCheck() throws Exception {
        authorize(nodes.authWords());
        Files.createDirectories(nodes.configPath("n2").getParent());
        Files.writeString(nodes.configPath("n2"), "cluster_name = old\nnode n2 addr=10.0.0.2 nodeid=1\n");
        ApiNodes.Run run = nodes.pacer("", List.of("cluster", "setup", "webcluster", "n1", "addr=127.0.0.11", "n2",
                "addr=127.0.0.12"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Error: n2: n2 already belongs to cluster 'old'", "nothing was written on any node");
        assertThat(nodes.configPath("n1")).doesNotExist();
        assertThat(Files.readString(nodes.configPath("n2"))).contains("cluster_name = old");
    }

    @Test
    @DisplayName("A node that fails in the write phase makes the nodes already written undo it")
    void rolledBack() throws Exception {
        authorize(nodes.authWords().subList(0, 2));
        int port = startFailingNode();
        authorize(List.of("n3", "addr=127.0.0.1:" + port));
        ApiNodes.Run run = nodes.pacer("", List.of("cluster", "setup", "webcluster", "n1", "addr=127.0.0.11", "n3",
                "addr=127.0.0.13"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("n1: Succeeded");
        assertThat(run.err()).contains("Error: n3: the disk is full", "the new configuration was removed again from n1");
        assertThat(nodes.configPath("n1")).doesNotExist();
        assertThat(nodes.state("n1").resolve("etc/authkey")).doesNotExist();
        assertThat(Files.readString(nodes.state("n1").resolve("audit.log"))).contains("POST /cluster/setup-node/undo");
    }

    @Test
    @DisplayName("An unauthorized node, an unreachable node and a forged token are named, and nothing is written")
    void problemsBeforeWriting() throws Exception {
        ApiNodes.Run unknown = nodes.pacer("", List.of("cluster", "setup", "web", "n1", "n2"));
        assertThat(unknown.err()).contains("not authorized here: n1, n2. Run 'pacer host auth n1 n2' first");

        authorize(nodes.authWords());
        nodes.servers.get("n2").close();
        ApiNodes.Run down = nodes.pacer("", List.of("cluster", "setup", "web", "n1", "addr=127.0.0.11", "n2",
                "addr=127.0.0.12"));
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err()).contains("Error: n2: unable to connect to n2 (127.0.0.1:", "nothing was written");
        assertThat(nodes.configPath("n1")).doesNotExist();

        Files.writeString(nodes.knownHosts(), Files.readString(nodes.knownHosts())
                .replaceAll("\"token\" : \"[^\"]+\"", "\"token\" : \"forged\""));
        ApiNodes.Run forged = nodes.pacer("", List.of("cluster", "setup", "web", "n1", "addr=127.0.0.11"));
        assertThat(forged.err()).contains("Error: n1: the token is not valid on n1", "run 'pacer host auth n1' again");
    }

    /** A node that logs in and passes the check, then fails to write. */
    private int startFailingNode() throws Exception {
        fake = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.setHttpsConfigurator(new HttpsConfigurator(cert.sslContext()));
        fake.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            if (path.equals("/auth")) {
                reply(ex, 200, "{\"token\":\"t3\",\"user\":\"hacluster\"}");
            } else if (body.contains("\"check_only\":true")) {
                reply(ex, 200, "{\"ready\":true}");
            } else {
                reply(ex, 500, "{\"error\":\"the disk is full\",\"code\":\"NOT_WRITABLE\"}");
            }
        });
        fake.start();
        return fake.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
