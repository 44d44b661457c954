package pacer.cli.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigEdit;
import pacer.membership.ClusterConfigException;

/**
 * The cluster as its members describe it, read through their APIs ({@code GET
 * /cluster/config}): every member must answer, and all must have the same configuration (key path
 * aside) and the same key. The starting point of {@code cluster node add|remove}.
 *
 * @param config the configuration they agree on
 * @param keyFingerprint the fingerprint of their cluster key
 * @param texts each member's file as it is now (what an undo writes back)
 */
record ClusterMembers(ClusterConfig config, String keyFingerprint, List<NodeCall> nodes, Map<String, String> texts) {
    /**
     * Reads every node's configuration.
     *
     * @throws IllegalStateException naming each node that failed and why, or the disagreement
     */
    static ClusterMembers read(List<NodeCall> nodes) {
        List<String> problems = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, ClusterConfig> configs = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (NodeCall n : nodes) {
            NodeCall.Answer a = n.get("/cluster/config");
            if (!a.ok()) {
                problems.add(n.name() + ": " + a.problem());
                continue;
            }
            String text = a.body().get().path("config").asText();
            try {
                ClusterConfig c = ClusterConfig.parse(text, "the cluster configuration of " + n.name());
                configs.put(n.name(), ClusterConfigEdit.withKeyFile(c, ClusterConfig.DEFAULT_KEY_FILE));
                texts.put(n.name(), text);
                keys.put(n.name(), a.body().get().path("key_fingerprint").asText());
            } catch (ClusterConfigException e) {
                problems.add(n.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new IllegalStateException(String.join("\n", problems));
        String first = nodes.get(0).name();
        for (NodeCall n : nodes) {
            if (!configs.get(n.name()).equals(configs.get(first))) {
                problems.add(n.name() + ": its cluster.conf differs from " + first + "'s; make them equal (copy "
                        + first + "'s, keeping each node's keyfile line) and run the command again");
            } else if (!keys.get(n.name()).equals(keys.get(first))) {
                problems.add(n.name() + ": its cluster key (fingerprint " + keys.get(n.name()) + ") differs from "
                        + first + "'s (" + keys.get(first) + "); every node needs the same key");
            }
        }
        if (!problems.isEmpty()) throw new IllegalStateException(String.join("\n", problems));
        return new ClusterMembers(configs.get(first), keys.get(first), nodes, texts);
    }
}
