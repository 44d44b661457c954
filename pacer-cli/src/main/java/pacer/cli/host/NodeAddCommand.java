package pacer.cli.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigEdit;
import pacer.membership.ClusterConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pcs cluster node add NODE [addr=ADDRESS] [--start] [--enable]}: adds an authorized node
 * to the cluster, all or nothing. The members are read from their APIs (the node list from
 * {@code --config}); the new configuration gets the node under the lowest free nodeid
 * ({@link ClusterConfigEdit#addNode}). First every node is asked whether it would take its part
 * (the new node: not in a cluster; the members: same cluster, same key); then the new node gets
 * the configuration and the cluster key, and every member's configuration is replaced and its
 * running cluster reloaded. If a member fails, the members written get their old file back and
 * the new node's files are removed.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a node to the cluster: the cluster key and configuration to it, the new node list to every"
                + " node (running nodes take it at once).", "The node must be authorized first (pacer host auth NODE)."})
final class NodeAddCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HostOptions options;

    @Option(names = "--config", paramLabel = "FILE", description = "This node's cluster configuration, for the list"
            + " of nodes to update (default: /etc/pacer/cluster.conf).")
    Path config = ClusterConfig.DEFAULT_PATH;

    @Option(names = "--start", description = "Start the cluster on the new node.")
    boolean start;

    @Option(names = "--enable", description = "Start the cluster on the new node when pacerd starts (at boot).")
    boolean enable;

    @Parameters(arity = "1..2", paramLabel = "NODE [addr=ADDRESS]", description = "The new node and, optionally, its"
            + " cluster address (default: the address its name resolves to).")
    List<String> words;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<NodeSpec> specs = NodeSpec.parse(words, spec);
        if (specs.size() != 1) throw new ParameterException(spec.commandLine(), "give one node: pcs cluster node add NODE [addr=ADDRESS]");
        NodeSpec node = specs.get(0);
        KnownHosts known = options.load();
        ClusterMembers members;
        NodeCall newNode;
        ClusterConfig next;
        try {
            List<NodeCall> calls = new ArrayList<>();
            for (String name : ClusterConfig.load(config).nodeNames()) calls.add(NodeCall.of(name, known, options));
            newNode = NodeCall.of(node.name(), known, options);
            members = ClusterMembers.read(calls);
            String addr = ClusterSetupCommand.clusterAddress(node, known.get(node.name()).orElseThrow(),
                    members.config().nodes().size() + 1);
            next = ClusterConfigEdit.addNode(members.config(), node.name(), addr,
                    node.port() > 0 ? node.port() : members.config().port());
        } catch (ClusterConfigException e) {
            return fail(err, "the node list comes from this node's cluster configuration: " + e.getMessage()
                    + "; run this on a node of the cluster or give --config FILE");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return fail(err, e.getMessage() + "\nError: nothing was changed");
        }
        String text = next.format();
        NodeCall keyHolder = members.nodes().get(0);
        NodeCall.Answer key = keyHolder.post("/cluster/authkey", options.json().createObjectNode());
        if (!key.ok()) return fail(err, keyHolder.name() + ": cannot read the cluster key: " + key.problem());
        ObjectNode setup = options.json().createObjectNode().put("cluster_name", next.clusterName()).put("config", text)
                .put("authkey", key.body().get().path("authkey").asText());

        List<String> refusals = new ArrayList<>();
        NodeCall.Answer ready = newNode.post("/cluster/setup-node", setup.deepCopy().put("check_only", true));
        if (!ready.ok()) refusals.add(newNode.name() + ": " + ready.problem());
        ConfigPush push = new ConfigPush(members, options.json(), out, err);
        refusals.addAll(push.check(text));
        if (!refusals.isEmpty()) {
            refusals.forEach(r -> err.println("Error: " + r));
            return fail(err, "node " + node.name() + " was not added; nothing was written on any node");
        }

        out.println("Sending the cluster key and cluster.conf to '" + newNode.name() + "'");
        out.flush();
        NodeCall.Answer written = newNode.post("/cluster/setup-node", setup.deepCopy().put("check_only", false));
        if (!written.ok()) {
            return fail(err, newNode.name() + ": " + written.problem() + "\nError: node " + node.name()
                    + " was not added; nothing was written on any node");
        }
        out.println(newNode.name() + ": Succeeded");
        if (!push.write(text)) {
            NodeCall.Answer undone = newNode.post("/cluster/setup-node/undo", setup);
            if (!undone.ok()) {
                err.println("Error: " + newNode.name() + ": could not remove the new configuration again: "
                        + undone.problem() + "; run 'pcs cluster destroy " + newNode.name() + "'");
            }
            return fail(err, "node " + node.name() + " was not added");
        }
        int failures = 0;
        if (enable) failures += lifecycle(newNode, "enable", out, err);
        if (start) {
            out.println(newNode.name() + ": Starting Cluster...");
            out.flush();
            failures += lifecycle(newNode, "start", out, err);
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    private int lifecycle(NodeCall node, String verb, PrintWriter out, PrintWriter err) {
        NodeCall.Answer a = node.post("/cluster/" + verb, options.json().createObjectNode());
        if (a.ok()) {
            out.println(node.name() + ": " + a.message("done"));
            return 0;
        }
        err.println("Error: " + node.name() + ": " + a.problem() + " (the node was added; run 'pcs cluster " + verb
                + " " + node.name() + "' again)");
        return 1;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("Error: " + message);
        err.flush();
        return 1;
    }
}
