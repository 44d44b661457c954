package pacer.cli.host;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pacer.api.ApiServer;
import pacer.api.ApiSettings;
import pacer.api.ClusterLifecycle;
import pacer.api.auth.FileAuthenticator;
import pacer.api.auth.PasswordFile;
import pacer.api.tls.ServerCertificate;
import pacer.cli.PacerCommand;
import picocli.CommandLine;

/**
 * In-process pacerd HTTPS APIs on loopback, one per node name, each with its own state
 * directory (password file with hacluster/secret in haclient; cluster.conf under etc/), and a
 * way to run {@code pacer} against them.
 */
final class ApiNodes implements AutoCloseable {
    /** What one run of pacer printed and returned. */
    record Run(int exitCode, String out, String err) {}

    final Path dir;
    final ServerCertificate cert;
    final Map<String, ApiServer> servers = new LinkedHashMap<>();
    /** "NODE VERB" for each start, enable, disable, destroy or reload a node's API was asked for, in order. */
    final List<String> lifecycleCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Nodes whose running cluster refuses a reload (as a bus refusing a node list would). */
    final Set<String> refuseReload = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ApiNodes(Path dir, ServerCertificate cert) {
        this.dir = dir;
        this.cert = cert;
    }

    /** Starts a node's API (users from its password file; {@code hacluster}/{@code secret} is added). */
    ApiServer start(String name) throws Exception {
        Path state = state(name);
        PasswordFile passwords = new PasswordFile(state.resolve("passwords"));
        if (passwords.find("hacluster").isEmpty()) passwords.set("hacluster", "secret".toCharArray(), Set.of("haclient"), 1000);
        ApiSettings settings = ApiSettings.defaults(name, state, configPath(name), state.resolve("etc/authkey"))
                .withListen("127.0.0.1", 0);
        ApiServer server = ApiServer.create(settings, new FileAuthenticator(passwords), cert,
                recording(name, ClusterLifecycle.manual(name, settings.configPath())), InstantSource.system());
        server.start();
        servers.put(name, server);
        return server;
    }

    /** stop as the manual stub answers; start/enable/disable/destroy/reload recorded and answered as pacerd does. */
    private ClusterLifecycle recording(String name, ClusterLifecycle manual) {
        return new ClusterLifecycle() {
            @Override public String start() { lifecycleCalls.add(name + " start"); return "started"; }

            @Override public String stop() throws pacer.api.ApiException { return manual.stop(); }

            @Override public String enable() { lifecycleCalls.add(name + " enable"); return "Cluster Enabled"; }

            @Override public String disable() { lifecycleCalls.add(name + " disable"); return "Cluster Disabled"; }

            @Override public String reload(pacer.membership.ClusterConfig config) throws pacer.api.ApiException {
                if (refuseReload.contains(name)) {
                    throw new pacer.api.ApiException(409, "RELOAD_REFUSED", "the running cluster on " + name
                            + " cannot take the new node list (test)");
                }
                lifecycleCalls.add(name + " reload " + String.join(",", config.nodeNames()));
                return "Cluster configuration reloaded";
            }

            @Override public String destroy() {
                lifecycleCalls.add(name + " destroy");
                try {
                    java.nio.file.Files.deleteIfExists(configPath(name));
                    java.nio.file.Files.deleteIfExists(state(name).resolve("etc/authkey"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return "Successfully destroyed cluster";
            }
        };
    }

    Path state(String name) {
        return dir.resolve(name);
    }

    Path configPath(String name) {
        return state(name).resolve("etc/cluster.conf");
    }

    Path knownHosts() {
        return dir.resolve("client/known-hosts");
    }

    /** "n1 addr=127.0.0.1:PORT" for each started node, in order. */
    List<String> authWords() {
        List<String> words = new ArrayList<>();
        servers.forEach((name, s) -> {
            words.add(name);
            words.add("addr=127.0.0.1:" + s.port());
        });
        return words;
    }

    /** Runs pacer with {@code --known-hosts} appended and {@code stdin} as standard input. */
    Run pacer(String stdin, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--known-hosts");
        all.add(knownHosts().toString());
        return pacerRaw(stdin, all);
    }

    static Run pacerRaw(String stdin, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = PacerCommand.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                InstantSource.system(), true);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        servers.values().forEach(ApiServer::close);
    }
}
