package pacer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.api.setup.ConfigUpdate;
import pacer.api.tls.ServerCertificate;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.store.CibOperation;
import pacer.store.WriteResult;

/**
 * {@code GET|POST /cluster/config}, {@code POST /cluster/authkey} and {@code POST /cib/remove-node}
 * on a loopback server whose node n1 is in cluster "webcluster" (files written by the test).
 */
class ApiClusterConfigTest {
    static final String CONFIG = """
            cluster_name = webcluster
            two_node = 1
            node n1 addr=127.0.0.11 nodeid=1
            node n2 addr=127.0.0.12 nodeid=2
            """;
    static final String THREE = """
            cluster_name = webcluster
            node n1 addr=127.0.0.11 nodeid=1
            node n2 addr=127.0.0.12 nodeid=2
            node n3 addr=127.0.0.13 nodeid=3
            """;
    static final byte[] KEY = new byte[256];

    @TempDir static Path certDir;
    static ServerCertificate cert;

    @TempDir Path state;
    TestApi api;
    String token;
    Path conf;
    String fingerprint = ConfigUpdate.fingerprint(KEY);

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = ServerCertificate.selfSigned(certDir, "n1");
        KEY[0] = 7;
    }

    @BeforeEach
    void start() throws Exception {
        api = TestApi.withPasswordFile(state, cert);
        token = api.token();
        conf = state.resolve("etc/cluster.conf");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void inCluster() throws Exception {
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, CONFIG);
        Files.write(state.resolve("etc/authkey"), KEY);
    }

    private HttpResponse<String> replace(String config, String keyFingerprint, boolean checkOnly) throws Exception {
        return api.post("/cluster/config", token, "{\"config\":" + ApiClusterTest.quote(config)
                + ",\"key_fingerprint\":\"" + keyFingerprint + "\",\"check_only\":" + checkOnly + "}");
    }

    @Test
    @DisplayName("GET /cluster/config gives the file and the key's fingerprint; POST /cluster/authkey the key, audited")
    void reads() throws Exception {
        inCluster();
        HttpResponse<String> r = api.get("/cluster/config", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"cluster_name\":\"webcluster\"", "\"key_fingerprint\":\"" + fingerprint + "\"",
                "node n2 addr=127.0.0.12 nodeid=2");
        HttpResponse<String> key = api.post("/cluster/authkey", token, "{}");
        assertThat(key.body()).contains("\"authkey\":\"" + Base64.getEncoder().encodeToString(KEY) + "\"");
        assertThat(Files.readString(state.resolve("audit.log"))).contains("POST /cluster/authkey", "cluster key");
    }

    @Test
    @DisplayName("A node in no cluster says so, for reads and writes")
    void notInCluster() throws Exception {
        assertThat(api.get("/cluster/config", token).statusCode()).isEqualTo(409);
        HttpResponse<String> r = replace(THREE, fingerprint, false);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("NOT_IN_CLUSTER", "n1 is not in a cluster");
        assertThat(conf).doesNotExist();
    }

    @Test
    @DisplayName("POST /cluster/config replaces the file with the node's own key path and tells the cluster")
    void replaces() throws Exception {
        inCluster();
        HttpResponse<String> check = replace(THREE, fingerprint, true);
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(Files.readString(conf)).as("a check writes nothing").isEqualTo(CONFIG);

        HttpResponse<String> r = replace(THREE, fingerprint, false);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("it reads the new node list when it starts");
        String written = Files.readString(conf);
        assertThat(written).contains("node n3 addr=127.0.0.13 nodeid=3", "two_node = 0", "expected_votes = 3",
                "keyfile = " + state.resolve("etc/authkey"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.list(conf.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("cluster.conf", "authkey");
        }
    }

    @Test
    @DisplayName("Another cluster's configuration (name or key) is refused and the file stays as it was")
    void refusesAnotherCluster() throws Exception {
        inCluster();
        HttpResponse<String> name = replace(THREE.replace("webcluster", "other"), fingerprint, false);
        assertThat(name.statusCode()).isEqualTo(409);
        assertThat(name.body()).contains("OTHER_CLUSTER", "cluster 'other'", "n1 is in cluster 'webcluster'");
        HttpResponse<String> key = replace(THREE, "0123456789abcdef", false);
        assertThat(key.statusCode()).isEqualTo(409);
        assertThat(key.body()).contains("KEY_MISMATCH", "0123456789abcdef", fingerprint);
        HttpResponse<String> withoutMe = replace(THREE.replace("node n1 addr=127.0.0.11 nodeid=1\n", ""), fingerprint,
                false);
        assertThat(withoutMe.statusCode()).isEqualTo(400);
        assertThat(withoutMe.body()).contains("does not list n1", "pcs cluster node remove n1");
        HttpResponse<String> moved = replace(THREE.replace("127.0.0.11", "127.0.0.21"), fingerprint, false);
        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(moved.body()).contains("changes n1's own line");
        assertThat(Files.readString(conf)).isEqualTo(CONFIG);
    }

    @Test
    @DisplayName("A write that cannot be done leaves the old file whole and no temporary file")
    void atomic() throws Exception {
        inCluster();
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into a read-only directory");
        Files.setPosixFilePermissions(conf.getParent(), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            HttpResponse<String> r = replace(THREE, fingerprint, false);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("NOT_WRITABLE", "the old file is unchanged");
        } finally {
            Files.setPosixFilePermissions(conf.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(Files.readString(conf)).isEqualTo(CONFIG);
    }

    @Test
    @DisplayName("POST /cib/remove-node deletes the node's entry and node_state in one write; refused for a member")
    void removeNodeFromCib() throws Exception {
        Cib cib = CibParser.parse("<cib admin_epoch=\"0\" epoch=\"3\" num_updates=\"0\"><configuration><crm_config/>"
                + "<nodes><node id=\"1\" uname=\"n1\"/><node id=\"2\" uname=\"n2\"/></nodes><resources/><constraints/>"
                + "</configuration><status><node_state id=\"2\" uname=\"n2\"/></status></cib>", "test");
        List<CibOperation> writes = new ArrayList<>();
        api.server.attach(new LocalCluster() {
            @Override public String clusterName() { return "webcluster"; }

            @Override public Membership membership() {
                Member n1 = new Member("n1", 1);
                return new Membership(4, List.of(n1), true, Optional.of(n1));
            }

            @Override public Cib cib() { return cib; }

            @Override public CompletableFuture<WriteResult> write(CibOperation op) {
                writes.add(op);
                return CompletableFuture.completedFuture(WriteResult.accepted(cib.version()));
            }
        });
        HttpResponse<String> member = api.post("/cib/remove-node", token, "{\"node\":\"n1\"}");
        assertThat(member.statusCode()).isEqualTo(409);
        assertThat(member.body()).contains("NODE_RUNNING");
        assertThat(writes).isEmpty();

        HttpResponse<String> r = api.post("/cib/remove-node", token, "{\"node\":\"n2\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(writes).containsExactly(CibOperation.batch(List.of(
                CibOperation.deleteIfPresent("configuration/nodes", "node", "2"),
                CibOperation.deleteIfPresent("status", "node_state", "2"))));
    }
}
