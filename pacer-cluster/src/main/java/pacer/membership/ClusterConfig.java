package pacer.membership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster configuration file ({@code /etc/pacer/cluster.conf}): Corosync's {@code totem},
 * {@code nodelist} and {@code quorum} sections in one small text file. Knobs keep Corosync's
 * names where they mean the same.
 *
 * <pre>
 * # Pacer cluster configuration
 * cluster_name = webcluster
 * port = 5405                  # transport port of every node (default 5405)
 * token = 1000                 # failure detection timeout in ms (default 1000)
 * two_node = 0                 # 1: quorate with 1 of 2 votes; implies wait_for_all
 * wait_for_all = 0             # 1: not quorate after a cold start until all nodes were seen together
 * expected_votes = 3           # default: the number of nodes
 * keyfile = /etc/pacer/authkey # the cluster key (default /etc/pacer/authkey)
 * qdevice = n3                 # a quorum witness (pacer qdevice) giving one more vote; HOST[:PORT]
 * qdevice_tie_breaker = lowest # lowest | highest | NODEID (default lowest)
 *
 * node n1 addr=192.168.122.11 nodeid=1
 * node n2 addr=192.168.122.12 nodeid=2
 * node n3 addr=192.168.122.13 nodeid=3 port=5406   # port overrides the cluster-wide port
 * </pre>
 *
 * <p>One setting or node per line; {@code #} starts a comment; booleans are {@code 0/1},
 * {@code yes/no}, {@code true/false} or {@code on/off}. {@code cluster_name} and at least one
 * node are required; every other setting has the default shown. {@link #parse} reports every
 * problem at once, each with its line and the fix ({@link ClusterConfigException}).
 * {@code docs/cluster-conf.md} is the administrator's version of this description.
 *
 * @param nodes the node list, in file order; names, node ids and address:port pairs are unique
 * @param port the cluster-wide transport port (a node line may override it)
 * @param token how long a silent member may stay silent before it is declared dead
 * @param waitForAll the effective setting: {@code two_node} turns it on unless set explicitly
 * @param expectedVotes the votes of the whole cluster, one per node (plus one for a quorum device)
 *                      unless set
 * @param quorumDevice the quorum witness, if one is configured ({@code two_node} is then off)
 */
public record ClusterConfig(String clusterName, List<Node> nodes, int port, Duration token,
                            boolean twoNode, boolean waitForAll, int expectedVotes, Path keyFile,
                            Optional<QuorumDevice> quorumDevice) {

    public static final Path DEFAULT_PATH = Path.of("/etc/pacer/cluster.conf");
    public static final Path DEFAULT_KEY_FILE = Path.of("/etc/pacer/authkey");
    public static final int DEFAULT_PORT = 5405;
    public static final Duration DEFAULT_TOKEN = Duration.ofMillis(1000);

    /** One entry of the node list: the CIB's {@code uname}, Corosync's nodeid, where it listens. */
    public record Node(String name, int nodeId, String address, int port) {
        public Node {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
        }
    }

    public ClusterConfig {
        Objects.requireNonNull(clusterName, "clusterName");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(quorumDevice, "quorumDevice");
    }

    /** A configuration without a quorum device. */
    public ClusterConfig(String clusterName, List<Node> nodes, int port, Duration token, boolean twoNode,
                         boolean waitForAll, int expectedVotes, Path keyFile) {
        this(clusterName, nodes, port, token, twoNode, waitForAll, expectedVotes, keyFile, Optional.empty());
    }

    /**
     * This configuration with {@code device} as its quorum witness (or none), as {@code pcs quorum
     * device add|remove} rewrites corosync.conf: with a device, two_node goes off (and the
     * wait_for_all it implied with it; one set for its own sake stays); without one, a two-node
     * cluster gets two_node (and its wait_for_all) back. Expected votes: one per node, plus the
     * device's.
     */
    public ClusterConfig withQuorumDevice(Optional<QuorumDevice> device) {
        int votes = nodes.size() + (device.isPresent() ? 1 : 0);
        boolean two = device.isEmpty() && nodes.size() == 2;
        boolean ownWaitForAll = waitForAll && !twoNode;
        return new ClusterConfig(clusterName, nodes, port, token, two, two || ownWaitForAll, votes, keyFile, device);
    }

    /** Reads and parses a file; a missing or unreadable file is a {@link ClusterConfigException}. */
    public static ClusterConfig load(Path file) throws ClusterConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ClusterConfigException(file.toString(), List.of(new ClusterConfigException.Problem(0,
                    "file not found; write it (see docs/cluster-conf.md) or pass --config FILE")));
        } catch (IOException e) {
            throw new ClusterConfigException(file.toString(), List.of(new ClusterConfigException.Problem(0,
                    "cannot read it: " + e.getMessage())));
        }
        return parse(text, file.toString());
    }

    /**
     * Parses the text of a configuration file.
     *
     * @param source names the text in error messages, usually its path
     */
    public static ClusterConfig parse(String text, String source) throws ClusterConfigException {
        return new ClusterConfigParser(source).parse(text);
    }

    /** The node called {@code name}, if it is in the node list. */
    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The node names, in file order. */
    public List<String> nodeNames() {
        return nodes.stream().map(Node::name).toList();
    }

    /** This configuration in the file format; {@link #parse} reads it back to an equal record. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("# Pacer cluster configuration (format: docs/cluster-conf.md)\n");
        out.append("cluster_name = ").append(clusterName).append('\n');
        out.append("port = ").append(port).append('\n');
        out.append("token = ").append(token.toMillis()).append('\n');
        out.append("two_node = ").append(twoNode ? 1 : 0).append('\n');
        out.append("wait_for_all = ").append(waitForAll ? 1 : 0).append('\n');
        out.append("expected_votes = ").append(expectedVotes).append('\n');
        out.append("keyfile = ").append(keyFile).append('\n');
        quorumDevice.ifPresent(d -> out.append("qdevice = ").append(d.address()).append('\n')
                .append("qdevice_tie_breaker = ").append(d.tieBreaker()).append('\n'));
        out.append('\n');
        for (Node n : nodes) {
            out.append("node ").append(n.name()).append(" addr=").append(n.address())
                    .append(" nodeid=").append(n.nodeId());
            if (n.port() != port) {
                out.append(" port=").append(n.port());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
