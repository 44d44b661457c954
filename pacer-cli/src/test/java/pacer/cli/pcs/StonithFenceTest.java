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
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pacer.cli.PacerCommand;
import pacer.cli.cluster.ControlClient;
import picocli.CommandLine;

/**
 * {@code pcs stonith fence NODE [--off]} against a stand-in control API on loopback: the CIB's
 * nodes from {@code GET /cib}, the request {@code POST /ops/fence} as pacerd takes it, pcs's
 * {@code Node: NODE fenced}, and each refusal as an {@code Error:} line with pacerd's reason.
 */
class StonithFenceTest {
    private HttpServer server;
    private final List<String> fenceQueries = new CopyOnWriteArrayList<>();
    private volatile int fenceStatus = 200;
    private volatile String fenceBody = "Node: n2 fenced\n";

    @BeforeEach void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cib", ex -> send(ex, 200, PcsCli.resource("seed-base.xml")));
        server.createContext("/ops/fence", ex -> {
            fenceQueries.add(ex.getRequestMethod() + " " + ex.getRequestURI().getQuery());
            send(ex, fenceStatus, fenceBody);
        });
        server.start();
    }

    @AfterEach void stop() { server.stop(0); }

    private PcsCli.Run pcs(String... args) {
        String address = "127.0.0.1:" + server.getAddress().getPort();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine root = new CommandLine(new PacerCommand());
        CommandLine stonith = new CommandLine(new StonithCommand(CatalogCli.agents(), CatalogCli.catalog(),
                InstantSource.fixed(PcsCli.NOW), () -> new ControlClient(address)));
        stonith.setUnmatchedOptionsArePositionalParams(true);
        root.addSubcommand("stonith", stonith);
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        int code = root.execute(args);
        return new PcsCli.Run(code, out.toString(), err.toString());
    }

    @Test void fencesThroughPacerdAndPrintsPcsText() {
        PcsCli.Run run = pcs("stonith", "fence", "n2", "--off");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Node: n2 fenced\n");
        assertThat(fenceQueries).containsExactly("POST node=n2&action=off");
        assertThat(pcs("stonith", "fence", "n2").exitCode()).isZero();
        assertThat(fenceQueries).last().isEqualTo("POST node=n2&action=reboot");
    }

    @Test void anUnknownNodeIsRefusedWithASuggestionAndNothingIsAsked() {
        PcsCli.Run run = pcs("stonith", "fence", "n22");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Error: unable to fence 'n22': there is no node 'n22' in the cluster")
                .contains("n2");
        assertThat(fenceQueries).isEmpty();
    }

    @Test void pacerdsRefusalIsPrintedWithItsReason() {
        fenceStatus = 409;
        fenceBody = "no fence device is configured, so nothing can fence n2; create one with 'pcs stonith create ID AGENT ...'\n";
        PcsCli.Run noDevice = pcs("stonith", "fence", "n2");
        assertThat(noDevice.exitCode()).isEqualTo(1);
        assertThat(noDevice.err()).contains("Error: unable to fence 'n2': no fence device is configured");
        fenceStatus = 502;
        fenceBody = "every way to fence n2 failed: fence_xvm: Timed out waiting for response\n";
        PcsCli.Run failed = pcs("stonith", "fence", "n2");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("Error: unable to fence 'n2': every way to fence n2 failed: fence_xvm: Timed out");
        assertThat(failed.out()).isEmpty();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }
}
