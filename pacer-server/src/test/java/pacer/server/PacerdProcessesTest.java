package pacer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.membership.ClusterKey;

/**
 * Three real pacerd processes on loopback ports: they form one cluster with a DC, a CIB pushed
 * to one node reaches the others, a stale push is refused, and a killed node leaves the view.
 * The test ends only processes it started, by their handles.
 */
class PacerdProcessesTest {
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) p.destroyForcibly();
        for (Process p : processes) p.waitFor();
    }

    @Test
    @DisplayName("3 pacerd processes: one view, one DC, the CIB replicated, stale push refused, a killed node leaves")
    void threeProcesses() throws Exception {
        int[] transport = {freePortWithFdRange(), 0, 0};
        transport[1] = freePortWithFdRange(transport[0]);
        transport[2] = freePortWithFdRange(transport[0], transport[1]);
        int[] control = {freePort(), freePort(), freePort()};
        Path key = dir.resolve("authkey");
        ClusterKey.generate(key);
        StringBuilder conf = new StringBuilder("cluster_name = proc\ntoken = 1000\nkeyfile = " + key + "\n");
        for (int i = 0; i < 3; i++) {
            conf.append("node n").append(i + 1).append(" addr=127.0.0.1 nodeid=").append(i + 1)
                    .append(" port=").append(transport[i]).append('\n');
        }
        Path config = dir.resolve("cluster.conf");
        Files.writeString(config, conf);
        for (int i = 0; i < 3; i++) processes.add(start(config, "n" + (i + 1), control[i]));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            for (int port : control) {
                String m = get(port, "/membership");
                assertThat(members(m)).containsExactlyInAnyOrder("n1", "n2", "n3");
                assertThat(line(m, "quorate")).isEqualTo("true");
            }
        });
        String dc = line(get(control[0], "/membership"), "dc");
        for (int port : control) assertThat(line(get(port, "/membership"), "dc")).isEqualTo(dc).isNotEmpty();
        // As Pacemaker's DC, the DC records the cluster's name, the stack and its version in the CIB.
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            for (int port : control) {
                assertThat(get(port, "/cib")).contains(
                        "id=\"cib-bootstrap-options-cluster-name\" name=\"cluster-name\" value=\"proc\"",
                        "id=\"cib-bootstrap-options-cluster-infrastructure\" name=\"cluster-infrastructure\" value=\"pacer\"",
                        "id=\"cib-bootstrap-options-dc-version\" name=\"dc-version\" value=\"pacer-");
            }
        });

        String pushed = """
                <cib admin_epoch="0" epoch="7" num_updates="0" validate-with="pacemaker-3.0">
                  <configuration>
                    <crm_config><cluster_property_set id="cib-bootstrap-options">
                      <nvpair id="o1" name="stonith-enabled" value="false"/>
                    </cluster_property_set></crm_config>
                    <nodes/><resources/><constraints/>
                  </configuration>
                  <status/>
                </cib>
                """;
        HttpResponse<String> accepted = post(control[1], "/cib", pushed);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        // The DC adds its own bookkeeping (node entries, node_state) on top, so later epochs are fine:
        // every node must hold the pushed setting and the same version.
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            for (int port : control) assertThat(get(port, "/cib")).contains("name=\"stonith-enabled\" value=\"false\"");
            assertThat(List.of(version(control[0]), version(control[1]), version(control[2]))).containsOnly(version(control[0]));
        });
        HttpResponse<String> stale = post(control[2], "/cib", pushed);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("cib-push refused", "fetch it again");

        // A configuration push keeps the live status: a status section in the body is ignored.
        int epoch = epoch(get(control[0], "/cib"));
        String configOnly = pushed.replace("epoch=\"7\"", "epoch=\"" + (epoch + 1) + "\"")
                .replace("value=\"false\"", "value=\"true\"")
                .replace("<status/>", "<status><node_state id=\"99\" uname=\"ghost\"/></status>");
        HttpResponse<String> configPush = post(control[0], "/cib?scope=configuration", configOnly);
        assertThat(configPush.statusCode()).as(configPush.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            for (int port : control) {
                assertThat(get(port, "/cib")).contains("name=\"stonith-enabled\" value=\"true\"").doesNotContain("ghost");
            }
        });

        processes.get(0).destroyForcibly();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            for (int port : new int[] {control[1], control[2]}) {
                String m = get(port, "/membership");
                assertThat(members(m)).containsExactlyInAnyOrder("n2", "n3");
                assertThat(line(m, "quorate")).isEqualTo("true");
                assertThat(line(m, "dc")).isIn("n2", "n3");
            }
        });
    }

    private Process start(Path config, String node, int controlPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path state = dir.resolve(node);
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), Pacerd.class.getName(),
                "--config", config.toString(), "--state-dir", state.toString(), "--node", node,
                "--control-port", Integer.toString(controlPort), "--no-api");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(node + ".out").toFile());
        return pb.start();
    }

    private String get(int port, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return http.send(r, HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(40)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private String version(int port) throws Exception {
        return line(get(port, "/membership"), "cib-version");
    }

    private static int epoch(String cib) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" epoch=\"([0-9]+)\"").matcher(cib);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static List<String> members(String membership) {
        return List.of(line(membership, "members").split(" "));
    }

    private static String line(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key + ":")).map(l -> l.substring(key.length() + 1).strip())
                .findFirst().orElse("");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A port P with P+100..P+103 free too (failure detection listens there), distinct from others. */
    private static int freePortWithFdRange(int... taken) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int p = 20000 + (int) (Math.random() * 30000);
            boolean clash = false;
            for (int t : taken) clash |= Math.abs(t - p) < 110;
            if (clash) continue;
            if (free(p) && free(p + 100) && free(p + 101) && free(p + 102) && free(p + 103)) return p;
        }
        throw new IOException("no free port range found on loopback");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
