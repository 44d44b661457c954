package pacer.cli.host;

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
import picocli.CommandLine.Spec;

/**
 * {@code pcs cluster node remove|delete NODE... [--force]}: takes nodes out of the cluster. The
 * remaining nodes are asked first whether they would take the smaller node list (nothing
 * written), then their configuration is replaced and reloaded; then the cluster is destroyed on
 * the removed nodes (a clean stop: their resources move away first), and their entries leave the
 * CIB ({@link NodeClearCommand}'s call). If a removed node cannot be destroyed, the remaining
 * nodes get their old configuration back, unless {@code --force} (a dead node is removed anyway).
 * Removing every node is refused; so is removing the node pcs runs on, unless {@code --force}.
 */
@Command(name = "remove", aliases = "delete", mixinStandardHelpOptions = true,
        description = {"Remove nodes from the cluster: stop and destroy the cluster on them, and take them out of every"
                + " other node's configuration and of the CIB.",
            "--force removes a node that cannot be reached (its cluster is not destroyed) and allows removing this node."})
final class NodeRemoveCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HostOptions options;

    @Option(names = "--config", paramLabel = "FILE", description = "This node's cluster configuration, for the list"
            + " of nodes (default: /etc/pacer/cluster.conf).")
    Path config = ClusterConfig.DEFAULT_PATH;

    @Option(names = "--force", description = "Remove unreachable nodes anyway; allow removing this node.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "NODE", description = "The nodes to remove.")
    List<String> removed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> gone = removed.stream().distinct().toList();
        String local = ClusterStartStopCommand.localNode();
        if (gone.contains(local) && !force) {
            return fail(err, local + " is the node this command runs on; removing it destroys its cluster and this node"
                    + " can no longer manage the cluster. Run it from another node, or add --force");
        }
        KnownHosts known = options.load();
        ClusterMembers members;
        ClusterConfig next;
        List<NodeCall> leaving = new ArrayList<>();
        try {
            ClusterConfig local0 = ClusterConfig.load(config);
            next = local0;
            for (String name : gone) next = ClusterConfigEdit.removeNode(next, name);
            List<NodeCall> staying = new ArrayList<>();
            for (String name : next.nodeNames()) staying.add(NodeCall.of(name, known, options));
            members = ClusterMembers.read(staying);
            next = members.config();
            for (String name : gone) next = ClusterConfigEdit.removeNode(next, name);
            for (String name : gone) leaving.add(NodeCall.of(name, known, options));
        } catch (ClusterConfigException e) {
            return fail(err, "the node list comes from this node's cluster configuration: " + e.getMessage()
                    + "; run this on a node of the cluster or give --config FILE");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return fail(err, e.getMessage() + "\nError: nothing was changed");
        }
        for (NodeCall n : leaving) {
            NodeCall.Answer a = n.get("/auth");
            if (!a.ok() && !force) {
                return fail(err, n.name() + ": " + a.problem() + "\nError: nothing was changed; to remove "
                        + n.name() + " anyway (its cluster is then not destroyed there) add --force");
            }
        }
        String text = next.format();
        ConfigPush push = new ConfigPush(members, options.json(), out, err);
        List<String> refusals = push.check(text);
        if (!refusals.isEmpty()) {
            refusals.forEach(r -> err.println("Error: " + r));
            return fail(err, "nothing was removed; nothing was written on any node");
        }
        if (!push.write(text)) return fail(err, "nothing was removed");

        out.println("Destroying cluster on hosts: " + String.join(", ", gone.stream().map(g -> "'" + g + "'").toList())
                + "...");
        out.flush();
        int failures = 0;
        for (NodeCall n : leaving) {
            NodeCall.Answer a = n.post("/cluster/destroy", options.json().createObjectNode());
            if (a.ok()) {
                out.println(n.name() + ": " + a.message("Successfully destroyed cluster"));
            } else if (force) {
                err.println("Warning: " + n.name() + ": " + a.problem() + "; it was removed from the other nodes, but its"
                        + " own cluster was not destroyed: run 'pcs cluster destroy' there once it is back");
            } else {
                err.println("Error: " + n.name() + ": " + a.problem());
                push.undo();
                return fail(err, n.name() + " was not removed (to remove it anyway, add --force)");
            }
        }
        out.flush();
        for (String name : gone) failures += NodeClearCommand.clear(name, members.nodes(), options, out, err);
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("Error: " + message);
        err.flush();
        return 1;
    }
}
