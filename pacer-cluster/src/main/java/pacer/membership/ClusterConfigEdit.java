package pacer.membership;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Edits of a cluster configuration's node list, as {@code pcs cluster node add|remove} rewrites
 * corosync.conf's nodelist. Pure functions: configuration in, new configuration out, or an
 * {@link IllegalArgumentException} whose message names the node, the reason and the fix.
 *
 * <p>The quorum settings follow the node count with the rules of
 * {@link ClusterConfig#withQuorumDevice}: expected votes are one per node (plus the quorum
 * device's); {@code two_node} is on for exactly two nodes without a quorum device and off
 * otherwise, so it goes off when a third node arrives and comes back when a cluster shrinks to
 * two; the {@code wait_for_all} that {@code two_node} implied goes and comes with it, one set for
 * its own sake stays.
 */
public final class ClusterConfigEdit {
    private ClusterConfigEdit() {}

    /**
     * {@code config} with node {@code name} added at {@code address}:{@code port}, under the lowest
     * node id not in use (as pcs numbers a new node).
     */
    public static ClusterConfig addNode(ClusterConfig config, String name, String address, int port) {
        if (config.node(name).isPresent()) {
            throw new IllegalArgumentException("node '" + name + "' is already in cluster '" + config.clusterName()
                    + "'; to re-add it, remove it first with 'pcs cluster node remove " + name + "'");
        }
        for (ClusterConfig.Node n : config.nodes()) {
            if (n.address().equals(address) && n.port() == port) {
                throw new IllegalArgumentException("address " + address + " port " + port + " of node '" + name
                        + "' is already used by node '" + n.name() + "'; give '" + name + "' its own: addr=ADDRESS");
            }
        }
        Set<Integer> used = config.nodes().stream().map(ClusterConfig.Node::nodeId).collect(Collectors.toSet());
        int id = 1;
        while (used.contains(id)) {
            id++;
        }
        List<ClusterConfig.Node> nodes = new ArrayList<>(config.nodes());
        nodes.add(new ClusterConfig.Node(name, id, address, port));
        return withNodes(config, nodes);
    }

    /** {@code config} without node {@code name}; the last node cannot be removed. */
    public static ClusterConfig removeNode(ClusterConfig config, String name) {
        if (config.node(name).isEmpty()) {
            throw new IllegalArgumentException("node '" + name + "' is not in cluster '" + config.clusterName()
                    + "'; its nodes are " + String.join(", ", config.nodeNames()));
        }
        if (config.nodes().size() == 1) {
            throw new IllegalArgumentException("No nodes would be left in the cluster: '" + name + "' is its only"
                    + " node; to remove the whole cluster run 'pcs cluster destroy --all'");
        }
        List<ClusterConfig.Node> nodes = config.nodes().stream().filter(n -> !n.name().equals(name)).toList();
        return withNodes(config, nodes);
    }

    /** {@code config} with the key file at {@code keyFile} (each node keeps its key where it wants it). */
    public static ClusterConfig withKeyFile(ClusterConfig config, Path keyFile) {
        return new ClusterConfig(config.clusterName(), config.nodes(), config.port(), config.token(), config.twoNode(),
                config.waitForAll(), config.expectedVotes(), keyFile, config.quorumDevice());
    }

    private static ClusterConfig withNodes(ClusterConfig config, List<ClusterConfig.Node> nodes) {
        return new ClusterConfig(config.clusterName(), nodes, config.port(), config.token(), config.twoNode(),
                config.waitForAll(), config.expectedVotes(), config.keyFile(), config.quorumDevice())
                .withQuorumDevice(config.quorumDevice());
    }
}
