package pacer.cli.pcs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pacer.cib.AttributeSet;
import pacer.cib.Cib;
import pacer.cib.Node;
import pacer.cib.NodeState;
import pacer.cib.Resource;

/**
 * The blocks crm_mon prints after the resources: "Node Attributes" and "Migration Summary" (what
 * {@code pcs status --full} adds, through crm_mon's {@code --show-node-attributes --failcounts
 * --show-detail}) and "Failed Resource Actions" (always, in the friendly form; with
 * {@code --full} in the detailed one). Pure functions of the CIB.
 */
final class StatusDetails {
    /** Pacemaker's INFINITY as crm_mon prints a count or threshold. */
    private static final long INFINITY = 1_000_000L;

    private StatusDetails() {}

    /** The blocks, each preceded by a blank line; empty when there is nothing to show. */
    static List<String> blocks(Cib cib, boolean full) {
        List<String> out = new ArrayList<>();
        if (full) {
            out.addAll(nodeAttributes(cib));
            out.addAll(migrationSummary(cib));
        }
        List<FailedAction> failed = FailedAction.in(cib);
        if (!failed.isEmpty()) {
            out.add("");
            out.add("Failed Resource Actions:");
            failed.forEach(f -> out.add("  * " + (full ? f.technical() : f.friendly())));
        }
        return out;
    }

    /** {@code Node Attributes:}, one list per online node, crm_mon's {@code %-32s\t: %-10s} lines. */
    static List<String> nodeAttributes(Cib cib) {
        List<String> out = new ArrayList<>();
        for (NodeState s : cib.status().nodes()) {
            if (!s.inMembership()) continue;
            if (out.isEmpty()) {
                out.add("");
                out.add("Node Attributes:");
            }
            out.add("  * Node: " + s.uname() + " (" + s.id() + "):");
            attributes(cib, s).forEach((k, v) -> out.add("    * " + String.format("%-32s\t: %-10s", k, v)));
        }
        return out;
    }

    /** The node's attributes crm_mon shows: permanent and transient, without the cluster's own. */
    static Map<String, String> attributes(Cib cib, NodeState s) {
        Map<String, String> all = new TreeMap<>();
        cib.configuration().nodes().stream().filter(n -> n.uname().equals(s.uname())).findFirst()
                .map(Node::attributes).orElse(List.of()).forEach(set -> all.putAll(set.values()));
        all.putAll(s.transientAttributes());
        all.keySet().removeIf(StatusDetails::internal);
        return all;
    }

    private static boolean internal(String name) {
        return name.startsWith("#") || name.startsWith("fail-count-") || name.startsWith("last-failure-")
                || name.equals("shutdown") || name.equals("terminate") || name.equals("probe_complete");
    }

    /** {@code Migration Summary:}: per node with failures, each resource's threshold, fail count and last failure. */
    static List<String> migrationSummary(Cib cib) {
        List<String> out = new ArrayList<>();
        for (NodeState s : cib.status().nodes()) {
            Map<String, long[]> byResource = failures(s);
            if (byResource.isEmpty()) continue;
            if (out.isEmpty()) {
                out.add("");
                out.add("Migration Summary:");
            }
            out.add("  * Node: " + s.uname() + " (" + s.id() + "):");
            byResource.forEach((rsc, f) -> out.add("    * " + rsc + ": migration-threshold=" + threshold(cib, rsc)
                    + " fail-count=" + f[0] + (f[1] > 0 ? " last-failure='"
                    + FailedAction.CTIME.format(Instant.ofEpochSecond(f[1])) + "'" : "")));
        }
        return out;
    }

    /** Resource → {fail count (all operations summed), last failure (epoch s)}, for counts above 0. */
    static Map<String, long[]> failures(NodeState s) {
        Map<String, long[]> out = new TreeMap<>();
        s.transientAttributes().forEach((name, value) -> {
            boolean count = name.startsWith("fail-count-");
            if (!count && !name.startsWith("last-failure-")) return;
            String rest = name.substring(count ? "fail-count-".length() : "last-failure-".length());
            int hash = rest.indexOf('#');
            String rsc = hash < 0 ? rest : rest.substring(0, hash);
            long[] f = out.computeIfAbsent(rsc, k -> new long[2]);
            if (count) f[0] = Math.min(INFINITY, f[0] + score(value));
            else f[1] = Math.max(f[1], epochSeconds(value));
        });
        out.values().removeIf(f -> f[0] <= 0);
        return out;
    }

    private static long threshold(Cib cib, String rsc) {
        String id = rsc.contains(":") ? rsc.substring(0, rsc.indexOf(':')) : rsc;
        Map<String, String> meta = new LinkedHashMap<>();
        cib.configuration().rscDefaults().forEach(set -> meta.putAll(set.values()));
        cib.configuration().resource(id).map(Resource::meta).orElse(List.of())
                .forEach((AttributeSet set) -> meta.putAll(set.values()));
        String t = meta.get("migration-threshold");
        return t == null ? INFINITY : score(t);
    }

    private static long epochSeconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long score(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("INFINITY") || v.equalsIgnoreCase("+INFINITY")) return INFINITY;
        try {
            return Math.min(INFINITY, Long.parseLong(v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
