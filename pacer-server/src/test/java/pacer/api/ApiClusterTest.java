package pacer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.store.CibOperation;
import pacer.store.WriteResult;
import pacer.api.tls.ServerCertificate;

/** {@code /cluster/setup-node}, its undo, {@code /status} and {@code /cib}, against a loopback server. */
class ApiClusterTest {
    static final String CONFIG = """
            cluster_name = webcluster
            node n1 addr=127.0.0.11 nodeid=1
            node n2 addr=127.0.0.12 nodeid=2
            """;
    static final String KEY = Base64.getEncoder().encodeToString(new byte[256]);

    @TempDir static Path certDir;
    static ServerCertificate cert;

    @TempDir Path state;
    TestApi api;
    String token;

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = ServerCertificate.selfSigned(certDir, "n1");
    }

    @BeforeEach
    void start() throws Exception {
        api = TestApi.withPasswordFile(state, cert);
        token = api.token();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static String setupBody(String config, boolean checkOnly) {
        return "{\"config\":" + quote(config) + ",\"authkey\":\"" + KEY + "\",\"check_only\":" + checkOnly + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    @Test
    @DisplayName("setup-node: a check writes nothing; the write puts the key (0400) and the configuration in place")
    void setupWrites() throws Exception {
        Path conf = state.resolve("etc/cluster.conf");
        Path key = state.resolve("etc/authkey");
        HttpResponse<String> check = api.post("/cluster/setup-node", token, setupBody(CONFIG, true));
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(conf).doesNotExist();

        HttpResponse<String> write = api.post("/cluster/setup-node", token, setupBody(CONFIG, false));
        assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
        assertThat(Files.readString(conf)).contains("cluster_name = webcluster", "keyfile = " + key,
                "node n2 addr=127.0.0.12 nodeid=2");
        assertThat(Files.readAllBytes(key)).hasSize(256);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("r--------");
        assertThat(Files.readString(state.resolve("audit.log")))
                .contains("user=hacluster source=127.0.0.1 action=\"POST /cluster/setup-node\" object=" + conf
                        + " result=\"200 written\"");
    }

    @Test
    @DisplayName("setup-node refuses a node that already belongs to a cluster, naming the cluster and the fix")
    void alreadyInCluster() throws Exception {
        api.post("/cluster/setup-node", token, setupBody(CONFIG, false));
        HttpResponse<String> again = api.post("/cluster/setup-node", token,
                setupBody(CONFIG.replace("webcluster", "other"), true));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ALREADY_IN_CLUSTER", "n1 already belongs to cluster 'webcluster'");
        assertThat(Files.readString(state.resolve("etc/cluster.conf"))).contains("webcluster");
    }

    @Test
    @DisplayName("setup-node answers an invalid configuration with the parser's line and fix")
    void invalidConfig() throws Exception {
        HttpResponse<String> r = api.post("/cluster/setup-node", token, setupBody("cluster_name = x\n", true));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("INVALID", "there are no nodes");
    }

    @Test
    @DisplayName("undo removes exactly what the setup wrote and leaves another configuration alone")
    void undo() throws Exception {
        api.post("/cluster/setup-node", token, setupBody(CONFIG, false));
        HttpResponse<String> other = api.post("/cluster/setup-node/undo", token, setupBody(CONFIG.replace("webcluster", "x"), false));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).contains("NOT_OURS", "left in place");
        HttpResponse<String> undo = api.post("/cluster/setup-node/undo", token, setupBody(CONFIG, false));
        assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
        assertThat(state.resolve("etc/cluster.conf")).doesNotExist();
        assertThat(state.resolve("etc/authkey")).doesNotExist();
    }

    @Test
    @DisplayName("cluster start says what to run, for now")
    void startStub() throws Exception {
        HttpResponse<String> r = api.post("/cluster/start", token, "{}");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.body()).contains("systemctl restart pacerd");
    }

    @Test
    @DisplayName("/cib is refused without a cluster, and served and written through the store with one")
    void cib() throws Exception {
        assertThat(api.get("/cib", token).body()).contains("NOT_IN_CLUSTER");
        Cib cib = CibParser.parse("<cib admin_epoch=\"0\" epoch=\"3\" num_updates=\"0\"><configuration><crm_config/>"
                + "<nodes/><resources/><constraints/></configuration><status/></cib>", "test");
        List<CibOperation> writes = new java.util.ArrayList<>();
        api.server.attach(new LocalCluster() {
            @Override public String clusterName() { return "webcluster"; }

            @Override public Membership membership() {
                Member n1 = new Member("n1", 1);
                return new Membership(4, List.of(n1), true, Optional.of(n1));
            }

            @Override public Cib cib() { return cib; }

            @Override public CompletableFuture<WriteResult> write(CibOperation op) {
                writes.add(op);
                return CompletableFuture.completedFuture(WriteResult.rejected(cib.version(), "stale: fetch it again"));
            }
        });
        assertThat(api.get("/cib", token).body()).contains("epoch=\"3\"");
        assertThat(api.get("/status", token).body()).contains("\"cluster_name\":\"webcluster\"", "\"members\":[\"n1\"]",
                "\"dc\":\"n1\"", "\"quorate\":true");
        HttpResponse<String> push = api.post("/cib", token, "<cib epoch=\"1\"/>");
        assertThat(push.statusCode()).isEqualTo(409);
        assertThat(push.body()).contains("stale: fetch it again");
        assertThat(writes).hasSize(1);
        assertThat(api.post("/cib", token, "<cib").body()).contains("BAD_REQUEST");
    }
}
