package pacer.cli.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigException;
import pacer.membership.ClusterKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pacer cluster setup NAME n1 [addr=A] n2 [addr=B]} (pcs 0.10+) and {@code pacer cluster
 * setup --name NAME n1 n2} (pcs 0.9): generates a cluster key, builds the cluster configuration
 * ({@link ClusterConfig}: node ids in the order given, two_node for two nodes) and sends both to
 * every node through its API, all or nothing ({@link SetupRun}). Every node must have been
 * authorized with {@code pacer host auth} first.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Create a cluster: write its configuration and a new cluster key on every node, or on none.",
            "The nodes must be authorized first (pacer host auth NODE...). addr= gives a node's cluster address;"
                    + " without it the address its name resolves to is used."})
final class ClusterSetupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HostOptions options;

    @Option(names = "--name", paramLabel = "NAME", description = "The cluster name (pcs 0.9 spelling; or give it first).")
    String name;

    @Option(names = "--token", paramLabel = "MS", description = "Failure detection timeout in ms (default: 1000).")
    Integer tokenMs;

    @Option(names = "--start", description = "Print how to start the cluster after the setup.")
    boolean start;

    @Parameters(arity = "1..*", paramLabel = "[NAME] NODE [addr=ADDRESS]", description = "The cluster name (unless"
            + " --name is given), then the nodes, each optionally with its cluster address.")
    List<String> words;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String clusterName = name != null ? name : words.get(0);
        List<String> rest = name != null ? words : words.subList(1, words.size());
        if (rest.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give the nodes: pacer cluster setup " + clusterName + " NODE...");
        }
        List<NodeSpec> nodes = NodeSpec.parse(rest, spec);
        KnownHosts known = options.load();
        List<String> missing = nodes.stream().map(NodeSpec::name).filter(n -> known.get(n).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return fail(err, "not authorized here: " + String.join(", ", missing) + ". Run 'pacer host auth "
                    + String.join(" ", missing) + "' first (tokens are kept in " + known.path() + ")");
        }
        List<ClusterConfig.Node> members = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeSpec n = nodes.get(i);
            String addr;
            try {
                addr = clusterAddress(n, known.get(n.name()).orElseThrow(), nodes.size());
            } catch (IllegalArgumentException e) {
                return fail(err, e.getMessage());
            }
            members.add(new ClusterConfig.Node(n.name(), i + 1, addr, n.port() > 0 ? n.port() : ClusterConfig.DEFAULT_PORT));
        }
        boolean twoNode = nodes.size() == 2;
        Duration token = tokenMs != null ? Duration.ofMillis(tokenMs) : ClusterConfig.DEFAULT_TOKEN;
        ClusterConfig config = new ClusterConfig(clusterName, members, ClusterConfig.DEFAULT_PORT, token, twoNode, twoNode,
                nodes.size(), ClusterConfig.DEFAULT_KEY_FILE);
        String text = config.format();
        try {
            ClusterConfig.parse(text, "the new cluster configuration");
        } catch (ClusterConfigException e) {
            return fail(err, e.getMessage());
        }
        byte[] key = new byte[ClusterKey.GENERATED_BYTES];
        new SecureRandom().nextBytes(key);
        ObjectNode request = options.json().createObjectNode().put("cluster_name", clusterName).put("config", text)
                .put("authkey", Base64.getEncoder().encodeToString(key));
        List<SetupRun.Target> targets = nodes.stream().map(n -> {
            KnownHosts.Entry e = known.get(n.name()).orElseThrow();
            return new SetupRun.Target(n.name(), options.client(n.name(), e), e.token());
        }).toList();
        List<String> names = nodes.stream().map(NodeSpec::name).toList();
        out.println("Sending the cluster configuration and a new cluster key to " + String.join(", ", names) + "...");
        out.flush();
        if (!new SetupRun(targets, out, err).run(request)) {
            err.flush();
            return 1;
        }
        out.println("Cluster '" + clusterName + "' has been set up on " + String.join(", ", names) + ".");
        out.println((start ? "To start it" : "Start it") + ": pcs cluster start --all");
        out.flush();
        return 0;
    }

    /** The address the cluster transport of node {@code n} uses: addr=, else its name resolved. */
    static String clusterAddress(NodeSpec n, KnownHosts.Entry entry, int clusterSize) {
        if (n.addr().isPresent()) return n.addr().get();
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(entry.addr());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve '" + entry.addr() + "' (" + n.name() + "); give its"
                    + " cluster address: " + n.name() + " addr=ADDRESS");
        }
        if (resolved.isLoopbackAddress() && clusterSize > 1) {
            throw new IllegalArgumentException(n.name() + " resolves to " + resolved.getHostAddress() + ", a loopback"
                    + " address the other nodes cannot reach (check /etc/hosts); give its cluster address: "
                    + n.name() + " addr=ADDRESS");
        }
        return resolved.getHostAddress();
    }

    private static int fail(PrintWriter err, String message) {
        err.println("Error: " + message);
        err.flush();
        return 1;
    }
}
