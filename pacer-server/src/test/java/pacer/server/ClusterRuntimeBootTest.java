package pacer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.api.ApiException;

/**
 * {@code pcs cluster enable|disable|destroy} on one node, without a running cluster: the boot
 * choice recorded and honoured ({@link ClusterRuntime#autoStart}), systemd asked only where it
 * runs (a stand-in here), and destroy removing exactly the configuration, the key, the CIB and the
 * choice, keeping the API's own files.
 */
class ClusterRuntimeBootTest {
    @TempDir Path dir;
    Path config;
    Path key;
    Path state;
    final List<String> systemctl = new ArrayList<>();

    @BeforeEach void files() throws IOException {
        state = Files.createDirectories(dir.resolve("state"));
        key = Files.write(dir.resolve("authkey"), new byte[32]);
        config = Files.writeString(dir.resolve("cluster.conf"), "cluster_name = web\nkeyfile = " + key
                + "\nnode n1 addr=127.0.0.1 nodeid=1\nnode n2 addr=127.0.0.2 nodeid=2\n");
        Files.createDirectories(state.resolve("cib"));
        Files.writeString(state.resolve("cib/cib.xml"), "<cib/>");
        Files.writeString(state.resolve("tokens"), "t");
    }

    private ClusterRuntime runtime(boolean systemd, boolean systemdFails) {
        BootService boot = new BootService() {
            @Override public boolean present() { return systemd; }

            @Override public String enable() throws IOException {
                systemctl.add("enable pacerd.service");
                if (systemdFails) throw new IOException("systemctl enable pacerd.service failed (exit 1): no such unit");
                return "Created symlink";
            }
        };
        return new ClusterRuntime(config, "n1", state, 0, boot);
    }

    @Test void disableIsRecordedAndEnableWithoutSystemdSaysSo() throws Exception {
        ClusterRuntime r = runtime(false, false);
        assertThat(r.autoStart()).as("no record: the cluster starts with pacerd").isTrue();
        assertThat(r.disable()).isEqualTo("Cluster Disabled");
        assertThat(r.autoStart()).isFalse();
        assertThat(runtime(false, false).autoStart()).as("a restarted pacerd honours the record").isFalse();
        assertThat(r.enable()).startsWith("Cluster Enabled").contains("no systemd", AutoStart.FILE);
        assertThat(r.autoStart()).isTrue();
        assertThat(systemctl).isEmpty();
    }

    @Test void enableAsksSystemdWhereItRuns() throws Exception {
        assertThat(runtime(true, false).enable()).isEqualTo("Cluster Enabled");
        assertThat(systemctl).containsExactly("enable pacerd.service");
    }

    @Test void aSystemdRefusalChangesNothing() throws Exception {
        ClusterRuntime r = runtime(true, true);
        r.disable();
        assertThatThrownBy(r::enable).isInstanceOf(ApiException.class).hasMessageContaining("no such unit");
        assertThat(r.autoStart()).as("still disabled: nothing half-applied").isFalse();
    }

    @Test void destroyRemovesTheClusterFilesOnly() throws Exception {
        ClusterRuntime r = runtime(false, false);
        r.disable();
        assertThat(r.destroy()).isEqualTo("Successfully destroyed cluster");
        assertThat(config).doesNotExist();
        assertThat(key).doesNotExist();
        assertThat(state.resolve("cib")).doesNotExist();
        assertThat(state.resolve(AutoStart.FILE)).doesNotExist();
        assertThat(state.resolve("tokens")).as("the API's tokens stay").exists();
        assertThatThrownBy(r::start).as("a destroyed node has nothing to start")
                .hasMessageContaining("has no cluster configuration");
    }
}
