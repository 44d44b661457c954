package pacer.cli.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import pacer.membership.ClusterConfig;
import pacer.membership.QuorumDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pcs qdevice setup model net [--enable] [--start]}, {@code pcs qdevice status net
 * [--full]} and {@code pcs qdevice destroy net}, run on the witness host (the seed's n3). The
 * witness is served by pacerd on that host (no cluster needed there): setup makes its folder, and
 * pacerd listens on port 5403 once a cluster's {@code pcs quorum device add} sent its key.
 */
@Command(name = "qdevice", mixinStandardHelpOptions = true,
        description = {"Run this host as a quorum witness for clusters (Corosync-qnetd's job), served by pacerd.",
            "  setup model net [--enable] [--start]", "  status net [--full]", "  destroy net"})
final class QdeviceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--qnetd-dir", paramLabel = "DIR", description = "The witness's folder (default: ${DEFAULT-VALUE}).")
    Path dir = ClusterConfig.DEFAULT_PATH.resolveSibling("qnetd");

    @Option(names = "--port", paramLabel = "PORT", description = "The witness's port, for status (default: ${DEFAULT-VALUE}).")
    int port = QuorumDevice.DEFAULT_PORT;

    @Option(names = "--enable", description = "setup: accepted for pcs; pacerd serves the witness whenever it runs.")
    boolean enable;

    @Option(names = "--start", description = "setup: check that pacerd runs here to serve it.")
    boolean start;

    @Option(names = "--full", description = "status: every cluster and node.")
    boolean full;

    @Option(names = "--force", description = "destroy: even while clusters use this witness.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "WORDS", description = "setup model net | status net | destroy net")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> rest = words.subList(1, words.size()).stream().filter(w -> !w.equals("model")).toList();
        if (!rest.isEmpty() && !rest.get(0).equals("net")) {
            err.println("Error: the only quorum device model is 'net'");
            err.flush();
            return 1;
        }
        int rc = switch (words.get(0)) {
            case "setup" -> setup(out, err);
            case "status" -> status(out, err);
            case "destroy" -> destroy(out, err);
            default -> {
                err.println("Error: unknown command 'qdevice " + words.get(0) + "'; use setup, status or destroy");
                yield 1;
            }
        };
        out.flush();
        err.flush();
        return rc;
    }

    private int setup(PrintWriter out, PrintWriter err) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        out.println("Quorum device 'net' initialized");
        if (start || enable) {
            if (!listening(HostOptions.DEFAULT_PORT)) {
                err.println("Error: pacerd is not running on this host (nothing answers on port " + HostOptions.DEFAULT_PORT
                        + "); pacerd serves the quorum witness: start it ('systemctl start pacerd', or 'bin/pacerd')");
                return 1;
            }
            out.println("Starting quorum device...");
            out.println("quorum device served by pacerd: it listens on port " + port + " once a cluster adds it"
                    + " ('pcs host auth " + "THIS-HOST' and 'pcs quorum device add model net host=THIS-HOST' on a cluster node)");
        }
        return 0;
    }

    private int status(PrintWriter out, PrintWriter err) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            in.readLine(); // HELLO
            OutputStream o = s.getOutputStream();
            o.write("STATUS\n".getBytes(StandardCharsets.UTF_8));
            o.flush();
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
            boolean clusterPart = false;
            for (String line : lines) {
                if (line.startsWith("Cluster \"")) clusterPart = true;
                if (!clusterPart || full) out.println(line);
            }
            return 0;
        } catch (IOException e) {
            err.println("Error: the quorum witness does not answer on 127.0.0.1:" + port + " (" + e.getMessage() + "): "
                    + (Files.isDirectory(dir) ? "pacerd listens there once a cluster added it ('pcs quorum device add"
                    + " model net host=THIS-HOST' on a cluster node); is pacerd running?"
                    : "this host is not set up as a witness: 'pcs qdevice setup model net --enable --start'"));
            return 1;
        }
    }

    private int destroy(PrintWriter out, PrintWriter err) throws IOException {
        if (!Files.isDirectory(dir)) {
            out.println("Quorum device 'net' is not set up here; nothing to destroy");
            return 0;
        }
        List<Path> keys;
        try (Stream<Path> files = Files.list(dir)) {
            keys = files.toList();
        }
        if (!keys.isEmpty() && !force) {
            err.println("Error: the witness still serves " + keys.size() + " cluster(s) (" + dir + "); remove it from them"
                    + " first ('pcs quorum device remove' on a node of each), or use --force");
            return 1;
        }
        for (Path k : keys) Files.delete(k);
        Files.delete(dir);
        out.println("Quorum device 'net' configuration files removed (pacerd stops serving the witness when it restarts)");
        return 0;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
