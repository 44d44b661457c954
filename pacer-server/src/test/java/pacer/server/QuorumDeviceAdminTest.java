package pacer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.api.ApiException;
import pacer.membership.ClusterConfig;
import pacer.membership.QuorumDevice;

/**
 * {@code pcs quorum device add|remove} on one node (without a running cluster) and the witness
 * side of this pacerd: the configuration rewritten as a whole, a check that writes nothing, the
 * witness refusing until it is set up, then serving with its key kept private.
 */
class QuorumDeviceAdminTest {
    @TempDir Path dir;
    Path config;
    Path qnetd;
    ClusterRuntime runtime;
    WitnessHost witness;

    @BeforeEach void files() throws IOException {
        Path key = Files.write(dir.resolve("authkey"), new byte[32]);
        config = Files.writeString(dir.resolve("cluster.conf"), "cluster_name = web\ntwo_node = 1\nkeyfile = " + key
                + "\nnode n1 addr=127.0.0.1 nodeid=1\nnode n2 addr=127.0.0.2 nodeid=2\n");
        qnetd = dir.resolve("qnetd");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        witness = new WitnessHost(qnetd, port);
        runtime = new ClusterRuntime(config, "n1", Files.createDirectories(dir.resolve("state")), 0,
                new BootService() {
                    @Override public boolean present() { return false; }

                    @Override public String enable() { return ""; }
                }, witness);
    }

    @Test void addingADeviceRewritesTheConfiguration_aCheckWritesNothing_removingPutsTwoNodeBack() throws Exception {
        String before = Files.readString(config);
        assertThat(runtime.useQuorumDevice(Optional.of(QuorumDevice.at("n3")), true)).contains("can use quorum device n3");
        assertThat(Files.readString(config)).isEqualTo(before);

        assertThat(runtime.useQuorumDevice(Optional.of(QuorumDevice.at("n3")), false))
                .contains("using quorum device n3", "expected votes 3");
        ClusterConfig now = ClusterConfig.load(config);
        assertThat(now.quorumDevice()).contains(QuorumDevice.at("n3"));
        assertThat(now.twoNode()).isFalse();

        runtime.useQuorumDevice(Optional.empty(), false);
        ClusterConfig back = ClusterConfig.load(config);
        assertThat(back.quorumDevice()).isEmpty();
        assertThat(back.twoNode()).isTrue();
        assertThat(back.expectedVotes()).isEqualTo(2);
    }

    @Test void aNodeWithoutAClusterRefusesADevice() throws Exception {
        Files.delete(config);
        assertThatThrownBy(() -> runtime.useQuorumDevice(Optional.of(QuorumDevice.at("n3")), false))
                .isInstanceOf(ApiException.class).hasMessageContaining("pcs cluster setup");
    }

    @Test void theWitnessRefusesUntilSetUp_thenServesWithAPrivateKey() throws Exception {
        assertThatThrownBy(() -> runtime.serveCluster("web", new byte[32])).isInstanceOf(ApiException.class)
                .hasMessageContaining("pcs qdevice setup model net");
        assertThat(runtime.witnessStatus()).singleElement().asString().contains("not set up");
        Files.createDirectories(qnetd);
        try {
            assertThat(runtime.serveCluster("web", new byte[32])).contains("serving cluster web");
            Path key = qnetd.resolve("web.key");
            assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(runtime.witnessStatus()).anyMatch(l -> l.startsWith("Connected clusters:"));
            assertThatThrownBy(() -> runtime.serveCluster("../etc", new byte[32])).isInstanceOf(ApiException.class)
                    .hasMessageContaining("not a valid cluster name");
            assertThat(runtime.forgetCluster("web")).contains("no longer serves");
            assertThat(key).doesNotExist();
        } finally {
            witness.close();
        }
    }
}
