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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pacer cluster start|stop [--all | NODE...]}: asks each node's API to start or stop its
 * part of the cluster and prints each answer. pacerd does not implement that yet, so for now
 * each node answers with what to run there ({@code systemctl restart pacerd}); this command is
 * already the front door that will not change when it does.
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

    @Parameters(arity = "0..*", paramLabel = "NODE", description = "The nodes.")
    List<String> nodes = new ArrayList<>();

    private final String verb;

    /** @param verb "start" or "stop" */
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
        if (targets.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give the nodes to " + verb + ", or --all");
        }
        KnownHosts known = options.load();
        int failures = 0;
        for (String node : targets.stream().distinct().toList()) {
            var entry = known.get(node);
            if (entry.isEmpty()) {
                err.println("Error: " + node + ": not authorized here; run 'pacer host auth " + node + "' first");
                failures++;
                continue;
            }
            out.println(node + ": " + (verb.equals("start") ? "Starting" : "Stopping") + " Cluster...");
            out.flush();
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
}
