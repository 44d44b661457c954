package pacer.cli.host;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pacer cluster start|stop|enable|disable|destroy [--all | NODE...]}: asks each node's API
 * to start or stop its part of the cluster, to start it at boot or not, or to destroy it
 * (configuration, key and CIB removed), and prints each answer. Without nodes and without
 * {@code --all}, the local node (this host's short name). {@code destroy} asks for confirmation,
 * as pcs does, unless {@code --force} (or {@code --yes}) is given; without a terminal it refuses.
 */
@Command(mixinStandardHelpOptions = true)
final class ClusterStartStopCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HostOptions options;

    @Option(names = "--all", description = "Every node of the local cluster configuration.")
    boolean all;

    @Option(names = "--config", paramLabel = "FILE", description = "The cluster configuration --all reads"
            + " (default: /etc/pacer/cluster.conf).")
    Path config = ClusterConfig.DEFAULT_PATH;

    @Option(names = {"--force", "--yes"}, description = "destroy: do not ask for confirmation.")
    boolean force;

    @Parameters(arity = "0..*", paramLabel = "NODE", description = "The nodes (default: this node).")
    List<String> nodes = new ArrayList<>();

    private final String verb;

    /** @param verb "start", "stop", "enable", "disable" or "destroy" */
    ClusterStartStopCommand(String verb) {
        this.verb = verb;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> targets = new ArrayList<>(nodes);
        if (all) {
            try {
                targets.addAll(ClusterConfig.load(config).nodeNames());
            } catch (ClusterConfigException e) {
                err.println("Error: --all needs the cluster configuration: " + e.getMessage());
                err.flush();
                return 1;
            }
        }
        if (targets.isEmpty()) targets.add(localNode());
        targets = targets.stream().distinct().toList();
        if (verb.equals("destroy") && !confirmed(targets, out, err)) return 1;
        KnownHosts known = options.load();
        int failures = 0;
        for (String node : targets) {
            var entry = known.get(node);
            if (entry.isEmpty()) {
                err.println("Error: " + node + ": not authorized here; run 'pacer host auth " + node + "' first");
                failures++;
                continue;
            }
            if (verb.equals("start") || verb.equals("stop")) {
                out.println(node + ": " + (verb.equals("start") ? "Starting" : "Stopping") + " Cluster...");
                out.flush();
            }
            try {
                ApiClient.Reply r = options.client(node, entry.get()).post("/cluster/" + verb, entry.get().token(),
                        options.json().createObjectNode());
                if (r.ok()) {
                    out.println(node + ": " + r.body().path("message").asText("done"));
                } else {
                    err.println("Error: " + node + ": " + r.error());
                    failures++;
                }
            } catch (NodeException e) {
                err.println("Error: " + node + ": " + e.getMessage());
                failures++;
            }
            out.flush();
            err.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    /** pcs's warning and question; {@code --force} answers yes, no terminal answers no (saying why). */
    private boolean confirmed(List<String> targets, PrintWriter out, PrintWriter err) {
        String what = "This would kill all cluster processes on " + String.join(", ", targets) + " and then PERMANENTLY"
                + " remove cluster state and configuration files (cluster.conf, the cluster key, the CIB).";
        if (force) return true;
        java.io.Console console = System.console();
        if (console == null) {
            err.println("Error: " + what + " Run it again with --force to confirm (there is no terminal to ask on)");
            err.flush();
            return false;
        }
        String answer = console.readLine("%s Are you sure you want to continue? [y/N] ", what);
        if (answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) return true;
        out.println("Cancelled: nothing was destroyed");
        out.flush();
        return false;
    }

    /** This host's short name, as pcs names the local node. */
    static String localNode() {
        try {
            String host = java.net.InetAddress.getLocalHost().getHostName();
            return host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        } catch (java.net.UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
    }
}
