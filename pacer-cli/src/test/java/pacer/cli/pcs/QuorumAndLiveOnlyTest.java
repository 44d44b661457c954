package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cli.PacerCommand;
import pacer.cli.cluster.ControlClient;
import picocli.CommandLine;

/**
 * {@code pcs quorum status} against a stand-in control API on loopback (GET /membership and
 * GET /cib as pacerd answers them), its corosync-quorumtool text, and the commands that refuse
 * {@code -f} because they need the running cluster; plus manage/unmanage on a file.
 */
class QuorumAndLiveOnlyTest {
    @TempDir
    Path dir;

    @Test
    void quorumStatusPrintsVotequorumTextFromTheMembership() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        reply(server, "/membership", "node: n1\nview: 3\nmembers: n1 n2\nquorate: true\ndc: n1\ncib-version: 0.5.3\n");
        reply(server, "/cib", PcsCli.resource("seed-base.xml"));
        server.start();
        try {
            String address = "127.0.0.1:" + server.getAddress().getPort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine root = new CommandLine(new PacerCommand());
            root.addSubcommand("quorum", new CommandLine(new QuorumCommand(CatalogCli.agents(),
                    InstantSource.fixed(PcsCli.NOW), () -> new ControlClient(address))));
            root.setOut(new PrintWriter(out, true));
            root.setErr(new PrintWriter(err, true));
            assertThat(root.execute("quorum", "status")).as(err.toString()).isZero();
            List<String> lines = out.toString().lines().toList();
            assertThat(lines.subList(0, 2)).containsExactly("Quorum information", "------------------");
            assertThat(lines).contains("Quorum provider:  pacer_votequorum", "Nodes:            2", "Node ID:          1",
                    "Ring ID:          3", "Quorate:          Yes", "Expected votes:   2", "Highest expected: 2",
                    "Total votes:      2", "Quorum:           1", "Flags:            2Node Quorate WaitForAll",
                    "    Nodeid      Votes    Qdevice Name", "         1          1         NR n1 (local)",
                    "         2          1         NR n2");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPartitionWithoutQuorumSaysActivityBlocked() {
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put("a", "1");
        nodes.put("b", "2");
        nodes.put("c", "3");
        List<String> text = QuorumText.render(QuorumText.parse("node: c\nview: 9\nmembers: c\nquorate: false\n"), nodes,
                PcsCli.NOW);
        assertThat(text).contains("Nodes:            1", "Quorate:          No", "Expected votes:   3",
                "Total votes:      1", "Quorum:           2 Activity blocked", "Flags:",
                "         3          1         NR c (local)");
    }

    @Test
    void withAQuorumWitnessTheDeviceVoteIsCountedAndFlagged() {
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put("n1", "1");
        nodes.put("n2", "2");
        List<String> survivor = QuorumText.render(QuorumText.parse("node: n1\nview: 7\nmembers: n1\nquorate: true\n"
                + "expected-votes: 3\nquorum-device: witness n3: connected, vote held for [n1]\n"), nodes, PcsCli.NOW);
        assertThat(survivor).contains("Expected votes:   3", "Total votes:      2", "Quorum:           2",
                "Flags:            Quorate Qdevice", "         1          1    A,V,NMW n1 (local)",
                "         0          1            Qdevice");
        List<String> isolated = QuorumText.render(QuorumText.parse("node: n2\nview: 7\nmembers: n2\nquorate: false\n"
                + "expected-votes: 3\nquorum-device: witness n3: not connected, no vote\n"), nodes, PcsCli.NOW);
        assertThat(isolated).contains("Total votes:      1", "Quorum:           2 Activity blocked", "Flags:            Qdevice",
                "         2          1  NA,NV,NMW n2 (local)", "         0          0            Qdevice");
    }

    @Test
    void liveOnlyCommandsRefuseAFile() throws IOException {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, PcsCli.resource("seed-base.xml"));
        PcsCli.Run quorum = CatalogCli.run("-f", file.toString(), "quorum", "status");
        assertThat(quorum.exitCode()).isEqualTo(1);
        assertThat(quorum.err()).contains("'pcs quorum status' reads the quorum of the running cluster")
                .contains("run it without -f");
        CatalogCli.run("-f", file.toString(), "resource", "create", "D", "ocf:pacemaker:Dummy");
        PcsCli.Run restart = CatalogCli.run("resource", "restart", "D", "-f", file.toString());
        assertThat(restart.exitCode()).isEqualTo(1);
        assertThat(restart.err()).contains("'pcs resource restart' stops and starts a resource of the running cluster");
    }

    @Test
    void manageAndUnmanageSetIsManagedOnAFile() throws IOException {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, PcsCli.resource("seed-base.xml"));
        CatalogCli.run("-f", file.toString(), "resource", "create", "D", "ocf:pacemaker:Dummy", "--group", "G");
        PcsCli.Run unmanage = CatalogCli.run("-f", file.toString(), "resource", "unmanage", "G");
        assertThat(unmanage.exitCode()).as(unmanage.err()).isZero();
        assertThat(Files.readString(file)).contains("<nvpair id=\"D-meta_attributes-is-managed\" name=\"is-managed\""
                + " value=\"false\"/>");
        assertThat(CatalogCli.run("-f", file.toString(), "resource", "manage", "D").exitCode()).isZero();
        assertThat(Files.readString(file)).doesNotContain("is-managed");
        assertThat(CatalogCli.run("-f", file.toString(), "resource", "manage", "X").err())
                .contains("resource 'X' does not exist");
    }

    private static void reply(HttpServer server, String path, String body) {
        server.createContext(path, ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        });
    }
}
