package pacer.cli.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import pacer.cli.cluster.ControlClient;
import pacer.cli.cluster.ControlUnreachableException;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigException;
import pacer.membership.ClusterKey;
import pacer.membership.QuorumDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pcs quorum device add [model net] host=HOST [port=PORT] [algorithm=ffsplit]
 * [tie_breaker=lowest|highest|NODEID]}, {@code pcs quorum device remove} and {@code pcs quorum
 * device status}: the cluster's quorum witness.
 *
 * <p>{@code add}, all or nothing: every node is asked first whether it can take the device
 * (reachable, authorized, configured); then the witness host (authorized with {@code pcs host auth
 * HOST}, set up with {@code pcs qdevice setup model net}) gets the cluster's witness key, derived
 * one way from the cluster key; then every node rewrites its cluster.conf and switches its running
 * cluster to the witness at once. A node that fails then is put back to no device, and so are the
 * nodes done before it.
 */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = {"Manage the cluster's quorum device (a witness on a third host: 'pacer qdevice' there).",
            "  add [model net] host=HOST [port=PORT] [algorithm=ffsplit] [tie_breaker=lowest|highest|NODEID]",
            "  remove", "  status"})
final class QuorumDeviceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HostOptions options;

    @Option(names = "--config", paramLabel = "FILE", description = "This node's cluster configuration (default: ${DEFAULT-VALUE}).")
    Path config = ClusterConfig.DEFAULT_PATH;

    @Option(names = "--full", description = "status: more detail.")
    boolean full;

    @Parameters(arity = "1..*", paramLabel = "WORDS", description = "add ... | remove | status")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            switch (words.get(0)) {
                case "add" -> add(words.subList(1, words.size()), out);
                case "remove", "delete" -> remove(out);
                case "status" -> status(out);
                default -> throw new DeviceFailure("unknown command 'quorum device " + words.get(0)
                        + "'; use add, remove or status");
            }
            return 0;
        } catch (DeviceFailure e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A failure with the whole sentence for the administrator. */
    private static final class DeviceFailure extends RuntimeException {
        DeviceFailure(String message) {
            super(message);
        }
    }

    private void add(List<String> args, PrintWriter out) throws IOException {
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("model")) {
                if (i + 1 >= args.size() || !args.get(i + 1).equals("net")) {
                    throw new DeviceFailure("the only quorum device model is 'net' (a witness reached over TCP)");
                }
                i++;
                continue;
            }
            int eq = a.indexOf('=');
            if (eq <= 0) throw new DeviceFailure("cannot read '" + a + "'; write OPTION=VALUE, e.g. host=n3");
            kv.put(a.substring(0, eq), a.substring(eq + 1));
        }
        for (String k : kv.keySet()) {
            if (!List.of("host", "port", "algorithm", "tie_breaker").contains(k)) {
                throw new DeviceFailure("unknown quorum device option '" + k + "'; known: host, port, algorithm,"
                        + " tie_breaker");
            }
        }
        String host = Optional.ofNullable(kv.get("host")).orElseThrow(() -> new DeviceFailure(
                "the witness's host is missing: 'pcs quorum device add model net host=HOST algorithm=ffsplit'"));
        String algorithm = kv.getOrDefault("algorithm", "ffsplit");
        if (!algorithm.equals("ffsplit")) {
            throw new DeviceFailure("algorithm '" + algorithm + "' is not supported; Pacer's witness implements ffsplit"
                    + " (the vote to the larger partition, ties broken by tie_breaker), the one meant for two nodes");
        }
        int port;
        try {
            port = Integer.parseInt(kv.getOrDefault("port", String.valueOf(QuorumDevice.DEFAULT_PORT)));
        } catch (NumberFormatException e) {
            throw new DeviceFailure("port '" + kv.get("port") + "' is not a number");
        }
        QuorumDevice device = new QuorumDevice(host, port, kv.getOrDefault("tie_breaker", "lowest"));
        ClusterConfig cluster = localConfig();
        if (cluster.quorumDevice().isPresent()) {
            throw new DeviceFailure("cluster " + cluster.clusterName() + " already has a quorum device ("
                    + cluster.quorumDevice().get().address() + "); remove it first: 'pcs quorum device remove'");
        }
        KnownHosts known = options.load();
        KnownHosts.Entry witness = known.get(host).orElseThrow(() -> new DeviceFailure("the witness host " + host
                + " is not authorized here; run 'pcs host auth " + host + "' first (it needs pacerd running there)"));
        Map<String, KnownHosts.Entry> nodes = new LinkedHashMap<>();
        for (String n : cluster.nodeNames()) {
            nodes.put(n, known.get(n).orElseThrow(() -> new DeviceFailure("node " + n + " is not authorized here; run"
                    + " 'pcs host auth " + n + "' first")));
        }
        ObjectNode body = options.json().createObjectNode().put("host", device.host()).put("port", device.port())
                .put("tie_breaker", device.tieBreaker());
        for (Map.Entry<String, KnownHosts.Entry> n : nodes.entrySet()) {
            post(n.getKey(), n.getValue(), "/cluster/quorum-device", body.deepCopy().put("check_only", true));
        }
        byte[] witnessKey = ClusterKey.load(cluster.keyFile(), cluster.clusterName()).witnessKey();
        out.println("Setting up quorum device on " + host + "...");
        post(host, witness, "/qdevice/clusters", options.json().createObjectNode().put("cluster", cluster.clusterName())
                .put("witness_key", Base64.getEncoder().encodeToString(witnessKey)));
        out.println(host + ": quorum device serves cluster " + cluster.clusterName());
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, KnownHosts.Entry> n : nodes.entrySet()) {
            try {
                post(n.getKey(), n.getValue(), "/cluster/quorum-device", body);
                done.add(n.getKey());
                out.println(n.getKey() + ": quorum device added (" + device.address() + ")");
                out.flush();
            } catch (DeviceFailure e) {
                for (String d : done) {
                    try {
                        post(d, nodes.get(d), "/cluster/quorum-device", options.json().createObjectNode().put("remove", true));
                    } catch (DeviceFailure undo) {
                        out.println(d + ": could not be put back to no quorum device: " + undo.getMessage());
                    }
                }
                throw new DeviceFailure(e.getMessage() + (done.isEmpty() ? "" : "; the nodes done before ("
                        + String.join(", ", done) + ") were put back to no quorum device"));
            }
        }
    }

    private void remove(PrintWriter out) throws IOException {
        ClusterConfig cluster = localConfig();
        QuorumDevice device = cluster.quorumDevice().orElseThrow(() -> new DeviceFailure(
                "cluster " + cluster.clusterName() + " has no quorum device"));
        KnownHosts known = options.load();
        for (String n : cluster.nodeNames()) {
            KnownHosts.Entry e = known.get(n).orElseThrow(() -> new DeviceFailure("node " + n + " is not authorized"
                    + " here; run 'pcs host auth " + n + "' first"));
            post(n, e, "/cluster/quorum-device", options.json().createObjectNode().put("remove", true));
            out.println(n + ": quorum device removed");
        }
        Optional<KnownHosts.Entry> witness = known.get(device.host());
        if (witness.isPresent()) {
            try {
                post(device.host(), witness.get(), "/qdevice/clusters/remove",
                        options.json().createObjectNode().put("cluster", cluster.clusterName()));
                out.println(device.host() + ": quorum device no longer serves cluster " + cluster.clusterName());
            } catch (DeviceFailure e) {
                out.println("Warning: " + device.host() + " still has cluster " + cluster.clusterName() + "'s witness key: "
                        + e.getMessage());
            }
        }
    }

    private void status(PrintWriter out) {
        ClusterConfig cluster = localConfig();
        QuorumDevice device = cluster.quorumDevice().orElseThrow(() -> new DeviceFailure(
                "cluster " + cluster.clusterName() + " has no quorum device ('pcs quorum device add model net host=HOST')"));
        Map<String, String> m = new LinkedHashMap<>();
        try {
            ControlClient.Response r = new ControlClient(null).get("/membership");
            for (String line : r.body().split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) m.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        } catch (ControlUnreachableException e) {
            throw new DeviceFailure(e.getMessage());
        }
        String self = m.getOrDefault("node", "");
        out.println("Qdevice information");
        out.println("-------------------");
        out.println(row("Model:", "Net"));
        out.println(row("Node ID:", cluster.node(self).map(n -> String.valueOf(n.nodeId())).orElse("?")));
        out.println("Configured node list:");
        for (int i = 0; i < cluster.nodes().size(); i++) {
            out.println("    " + i + "   Node ID = " + cluster.nodes().get(i).nodeId());
        }
        List<String> ids = new ArrayList<>();
        for (String member : m.getOrDefault("members", "").split("\\s+")) {
            cluster.node(member).ifPresent(n -> ids.add(String.valueOf(n.nodeId())));
        }
        out.println(row("Membership node list:", String.join(", ", ids)));
        out.println();
        out.println("Qdevice-net information");
        out.println("----------------------");
        out.println(row("Cluster name:", cluster.clusterName()));
        out.println(row("QNetd host:", device.host() + ":" + device.port()));
        out.println(row("Algorithm:", "Fifty-Fifty split"));
        out.println(row("Tie-breaker:", device.tieBreakerText()));
        String state = m.getOrDefault("quorum-device", "not running (is the cluster started here?)");
        out.println(row("State:", state.contains(": connected") ? "Connected" : "Disconnected"));
        if (full) out.println(row("Detail:", state));
    }

    private static String row(String label, String value) {
        return String.format(java.util.Locale.ROOT, "%-24s%s", label, value);
    }

    private ClusterConfig localConfig() {
        try {
            return ClusterConfig.load(config);
        } catch (ClusterConfigException e) {
            throw new DeviceFailure("this node's cluster configuration is needed: " + e.getMessage());
        }
    }

    private void post(String host, KnownHosts.Entry entry, String path, ObjectNode body) {
        try {
            ApiClient.Reply r = options.client(host, entry).post(path, entry.token(), body);
            if (!r.ok()) throw new DeviceFailure(host + ": " + r.error());
        } catch (NodeException e) {
            throw new DeviceFailure(host + ": " + e.getMessage());
        }
    }
}
