package pacer.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.api.tls.ServerCertificate;

/**
 * {@code pcs cluster node add|remove} against three nodes' HTTPS APIs on loopback: n1 and n2 set
 * up as cluster "web" by {@code pcs cluster setup}, n3 fresh. Their running clusters are
 * {@link ApiNodes}' recording stand-ins (reload, start, destroy recorded).
 */
class ClusterNodeCommandTest {
    @TempDir static Path certDir;
    static ServerCertificate cert;
    @TempDir Path dir;
    ApiNodes nodes;

    @BeforeAll static void certificate() throws Exception { cert = ServerCertificate.selfSigned(certDir, "n1"); }

    @BeforeEach void start() throws Exception {
        nodes = new ApiNodes(dir, cert);
        nodes.start("n1");
        nodes.start("n2");
        nodes.start("n3");
        List<String> auth = new ArrayList<>(List.of("host", "auth"));
        auth.addAll(nodes.authWords());
        auth.addAll(List.of("-p", "secret"));
        assertThat(nodes.pacer("", auth).exitCode()).isZero();
        ApiNodes.Run setup = nodes.pacer("", List.of("cluster", "setup", "web", "n1", "addr=127.0.0.11", "n2",
                "addr=127.0.0.12"));
        assertThat(setup.exitCode()).as(setup.err()).isZero();
    }

    @AfterEach void stop() { nodes.close(); }

    private ApiNodes.Run pacer(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", nodes.configPath("n1").toString()));
        return nodes.pacer("", all);
    }

    private String conf(String node) throws Exception {
        return Files.readString(nodes.configPath(node));
    }

    private byte[] key(String node) throws Exception {
        return Files.readAllBytes(nodes.state(node).resolve("etc/authkey"));
    }

    @Test void addWritesTheNewNodeAndEveryMemberAndStartsIt() throws Exception {
        ApiNodes.Run run = pacer("cluster", "node", "add", "n3", "addr=127.0.0.13", "--start", "--enable");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                Sending the cluster key and cluster.conf to 'n3'
                n3: Succeeded
                Sending updated cluster.conf to nodes...
                n1: Succeeded
                n2: Succeeded
                n1: Cluster configuration reloaded
                n2: Cluster configuration reloaded
                n3: Cluster Enabled
                n3: Starting Cluster...
                n3: started
                """);
        for (String n : List.of("n1", "n2", "n3")) {
            assertThat(conf(n)).contains("cluster_name = web", "node n3 addr=127.0.0.13 nodeid=3", "two_node = 0",
                    "expected_votes = 3", "keyfile = " + nodes.state(n).resolve("etc/authkey"));
        }
        assertThat(key("n3")).isEqualTo(key("n1"));
        assertThat(nodes.lifecycleCalls).containsExactly("n1 reload n1,n2,n3", "n2 reload n1,n2,n3", "n3 enable",
                "n3 start");
    }

    @Test void aRefusalAnywhereWritesNothing() throws Exception {
        String n1Before = conf("n1");
        nodes.servers.get("n2").close();
        ApiNodes.Run run = pacer("cluster", "node", "add", "n3", "addr=127.0.0.13");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("n2: unable to connect to n2", "nothing was changed");
        assertThat(conf("n1")).isEqualTo(n1Before);
        assertThat(nodes.configPath("n3")).doesNotExist();
        assertThat(nodes.lifecycleCalls).isEmpty();
    }

    @Test void aNodeOfAnotherClusterIsRefusedBeforeAnythingIsWritten() throws Exception {
        Files.createDirectories(nodes.configPath("n3").getParent());
        Files.writeString(nodes.configPath("n3"), "cluster_name = other\nnode n3 addr=127.0.0.13 nodeid=1\n");
        String n1Before = conf("n1");
        ApiNodes.Run run = pacer("cluster", "node", "add", "n3", "addr=127.0.0.13");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("n3: n3 already belongs to cluster 'other'",
                "node n3 was not added; nothing was written on any node");
        assertThat(conf("n1")).isEqualTo(n1Before);
    }

    @Test void aFailurePartWayIsUndoneEverywhere() throws Exception {
        String n1Before = conf("n1");
        String n2Before = conf("n2");
        nodes.refuseReload.add("n2");
        ApiNodes.Run run = pacer("cluster", "node", "add", "n3", "addr=127.0.0.13");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("n2: the running cluster on n2 cannot take the new node list",
                "the old cluster.conf was put back on n1", "node n3 was not added");
        assertThat(conf("n1")).isEqualTo(n1Before);
        assertThat(conf("n2")).as("n2 put its old file back itself").isEqualTo(n2Before);
        assertThat(nodes.configPath("n3")).doesNotExist();
        assertThat(nodes.lifecycleCalls).containsExactly("n1 reload n1,n2,n3", "n1 reload n1,n2");
    }

    @Test void removeTakesTheNodeOutEverywhereAndDestroysItsCluster() throws Exception {
        assertThat(pacer("cluster", "node", "add", "n3", "addr=127.0.0.13").exitCode()).isZero();
        nodes.lifecycleCalls.clear();
        ApiNodes.Run run = pacer("cluster", "node", "remove", "n1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                Sending updated cluster.conf to nodes...
                n2: Succeeded
                n3: Succeeded
                n2: Cluster configuration reloaded
                n3: Cluster configuration reloaded
                Destroying cluster on hosts: 'n1'...
                n1: Successfully destroyed cluster
                """);
        assertThat(run.err()).contains("Warning: the cluster is not running on n2, n3, so the CIB still lists n1",
                "pcs cluster node clear n1");
        for (String n : List.of("n2", "n3")) {
            assertThat(conf(n)).doesNotContain("node n1").contains("two_node = 1", "wait_for_all = 1",
                    "expected_votes = 2");
        }
        assertThat(nodes.configPath("n1")).doesNotExist();
        assertThat(nodes.lifecycleCalls).containsExactly("n2 reload n2,n3", "n3 reload n2,n3", "n1 destroy");
    }

    @Test void removeRefusesToEmptyTheClusterAndUnknownNodes() throws Exception {
        ApiNodes.Run all = pacer("cluster", "node", "remove", "n1", "n2");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.err()).contains("No nodes would be left in the cluster", "nothing was changed");
        ApiNodes.Run unknown = pacer("cluster", "node", "delete", "n9");
        assertThat(unknown.err()).contains("node 'n9' is not in cluster 'web'; its nodes are n1, n2");
        assertThat(nodes.lifecycleCalls).isEmpty();
    }

    @Test void anUnreachableNodeIsRemovedOnlyWithForce() throws Exception {
        String n1Before = conf("n1");
        nodes.servers.get("n2").close();
        ApiNodes.Run refused = pacer("cluster", "node", "remove", "n2");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("n2: unable to connect", "add --force");
        assertThat(conf("n1")).isEqualTo(n1Before);

        ApiNodes.Run forced = pacer("cluster", "node", "remove", "n2", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.err()).contains("Warning: n2:", "its own cluster was not destroyed");
        assertThat(conf("n1")).doesNotContain("node n2").contains("expected_votes = 1");
    }
}
