package pacer.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code pcs cluster enable|disable|destroy NODE...} against two nodes' HTTPS APIs on loopback
 * (their lifecycle recorded by {@link ApiNodes}): each node is asked once and its answer printed
 * in pcs's words; destroy is not sent at all until confirmed.
 */
class ClusterEnableDestroyCommandTest {
    @TempDir static Path certDir;
    static ServerCertificate cert;
    @TempDir Path dir;
    ApiNodes nodes;

    @BeforeAll static void certificate() throws Exception { cert = ServerCertificate.selfSigned(certDir, "n1"); }

    @BeforeEach void start() throws Exception {
        nodes = new ApiNodes(dir, cert);
        nodes.start("n1");
        nodes.start("n2");
        List<String> auth = new ArrayList<>(List.of("host", "auth"));
        auth.addAll(nodes.authWords());
        auth.addAll(List.of("-p", "secret"));
        assertThat(nodes.pacer("", auth).exitCode()).isZero();
    }

    @AfterEach void stop() { nodes.close(); }

    @Test void enableAndDisableAskEachNode() {
        ApiNodes.Run enable = nodes.pacer("", List.of("cluster", "enable", "n1", "n2"));
        assertThat(enable.exitCode()).as(enable.err()).isZero();
        assertThat(enable.out()).isEqualTo("n1: Cluster Enabled\nn2: Cluster Enabled\n");
        ApiNodes.Run disable = nodes.pacer("", List.of("cluster", "disable", "n2"));
        assertThat(disable.out()).isEqualTo("n2: Cluster Disabled\n");
        assertThat(nodes.lifecycleCalls).containsExactly("n1 enable", "n2 enable", "n2 disable");
    }

    @Test void destroyNeedsConfirmationAndThenAsksEveryNode() {
        ApiNodes.Run refused = nodes.pacer("", List.of("cluster", "destroy", "n1", "n2"));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("PERMANENTLY remove cluster state and configuration files", "--force");
        assertThat(nodes.lifecycleCalls).as("nothing is destroyed without confirmation").isEmpty();

        ApiNodes.Run done = nodes.pacer("", List.of("cluster", "destroy", "n1", "n2", "--force"));
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).isEqualTo("n1: Successfully destroyed cluster\nn2: Successfully destroyed cluster\n");
        assertThat(nodes.lifecycleCalls).containsExactly("n1 destroy", "n2 destroy");
    }

    @Test void anUnauthorizedNodeIsNamed() {
        ApiNodes.Run run = nodes.pacer("", List.of("cluster", "enable", "n3"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("n3: not authorized here", "pacer host auth n3");
    }
}
