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
 * {@code pcs cluster node clear NODE}: removes a node that is no longer in the cluster from the
 * CIB (its {@code nodes} entry and {@code node_state}; {@code crm_node --remove}), through the
 * first node of the cluster that runs it ({@code POST /cib/remove-node}). A node that just left
 * may still be in the membership for a moment: the call is repeated a few times, a second apart.
 */
@Command(name = "clear", mixinStandardHelpOptions = true,
        description = "Remove a node that left the cluster from the CIB (its nodes entry and status).")
final class NodeClearCommand implements Callable<Integer> {
    private static final int TRIES = 10;

    @Spec CommandSpec spec;
    @Mixin HostOptions options;

    @Option(names = "--config", paramLabel = "FILE", description = "This node's cluster configuration, for the list"
            + " of nodes to ask (default: /etc/pacer/cluster.conf).")
    Path config = ClusterConfig.DEFAULT_PATH;

    @Parameters(arity = "1", paramLabel = "NODE")
    String node;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KnownHosts known = options.load();
        List<NodeCall> nodes = new ArrayList<>();
        try {
            for (String name : ClusterConfig.load(config).nodeNames()) {
                if (!name.equals(node) && known.get(name).isPresent()) nodes.add(NodeCall.of(name, known, options));
            }
        } catch (ClusterConfigException e) {
            err.println("Error: the nodes to ask come from this node's cluster configuration: " + e.getMessage());
            err.flush();
            return 1;
        }
        return clear(node, nodes, options, out, err);
    }

    /** Asks the nodes in turn to remove {@code node} from the CIB; 0 when one did (or none runs the cluster: a warning). */
    static int clear(String node, List<NodeCall> nodes, HostOptions options, PrintWriter out, PrintWriter err) {
        List<String> stopped = new ArrayList<>();
        for (NodeCall n : nodes) {
            for (int i = 1; ; i++) {
                NodeCall.Answer a = n.post("/cib/remove-node", options.json().createObjectNode().put("node", node));
                if (a.ok()) {
                    out.println(n.name() + ": " + a.message("done"));
                    out.flush();
                    return 0;
                }
                if (a.code().equals("NOT_IN_CLUSTER")) {
                    stopped.add(n.name());
                    break;
                }
                if (!a.code().equals("NODE_RUNNING") || i == TRIES) {
                    err.println("Error: " + n.name() + ": " + a.problem() + "; run 'pcs cluster node clear " + node
                            + "' once it can be done");
                    err.flush();
                    return 1;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
            }
        }
        err.println("Warning: the cluster is not running on " + (stopped.isEmpty() ? "any node" : String.join(", ", stopped))
                + ", so the CIB still lists " + node + "; once it runs ('pcs cluster start --all'), run 'pcs cluster"
                + " node clear " + node + "'");
        err.flush();
        return 0;
    }
}
