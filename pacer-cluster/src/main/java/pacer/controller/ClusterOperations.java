package pacer.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import pacer.cib.Cib;
import pacer.cib.NodeState;
import pacer.cib.xml.XmlElement;
import pacer.store.CibOperation;
import pacer.store.ReplicatedCib;
import pacer.store.WriteResult;

/**
 * The administrator's operations on a live cluster, as CIB writes through the DC (pcs and
 * crm_resource/crm_attribute write the same elements). They change what the CIB says and nothing
 * else: the DC's controller notices the change and acts, as for any other change.
 *
 * <ul>
 *   <li>{@link #cleanup}: forget a resource's history and failures (its {@code lrm_resource} and
 *       its {@code fail-count-*}/{@code last-failure-*} attributes), so the DC probes it again.
 *   <li>{@link #standby}: the node attribute {@code standby}, in {@code configuration/nodes}.
 *   <li>{@link #maintenance(String, boolean)} a node, {@link #maintenance(boolean)} the cluster.
 * </ul>
 *
 * <p>Thread-safe (stateless); futures complete on the CIB thread.
 */
public final class ClusterOperations {
    private final ReplicatedCib cib;

    public ClusterOperations(ReplicatedCib cib) { this.cib = cib; }

    /**
     * Forgets {@code resource}'s history and failures on {@code node}, or on every node when it is
     * empty. Completes with one result per write (nothing to forget: an empty list).
     */
    public CompletableFuture<List<WriteResult>> cleanup(String resource, Optional<String> node) {
        Cib current = cib.read();
        String lrmId = CibLookup.lrmId(current, resource);
        List<CibOperation> ops = new ArrayList<>();
        for (NodeState n : current.status().nodes()) {
            if (node.isPresent() && !node.get().equals(n.uname())) continue;
            if (n.resources().stream().anyMatch(l -> l.id().equals(lrmId))) {
                ops.add(CibOperation.delete(LrmRecord.lrmResourcesPath(n.id()), "lrm_resource", lrmId));
            }
            for (String name : n.transientAttributes().keySet()) {
                if (name.startsWith("fail-count-" + lrmId + "#") || name.startsWith("last-failure-" + lrmId + "#")
                        || name.equals("fail-count-" + lrmId) || name.equals("last-failure-" + lrmId)) {
                    ops.add(LrmRecord.deleteAttribute(n.id(), name));
                }
            }
        }
        return all(ops);
    }

    /** Puts {@code node} in standby (nothing may run there) or takes it out. */
    public CompletableFuture<WriteResult> standby(String node, boolean on) {
        return nodeAttribute(node, "standby", on);
    }

    /** Node maintenance: the cluster neither starts, stops nor monitors anything there. */
    public CompletableFuture<WriteResult> maintenance(String node, boolean on) {
        return nodeAttribute(node, "maintenance", on);
    }

    /** Cluster-wide {@code maintenance-mode}. */
    public CompletableFuture<WriteResult> maintenance(boolean on) {
        return cib.write(CibOperation.put("configuration/crm_config/cluster_property_set[cib-bootstrap-options]",
                XmlElement.of("nvpair", Map.of("id", "cib-bootstrap-options-maintenance-mode", "name", "maintenance-mode",
                        "value", Boolean.toString(on)), List.of())));
    }

    /**
     * What Pacemaker's DC records in {@code cib-bootstrap-options}: the version running the DC
     * ({@code dc-version}), the stack ({@code cluster-infrastructure}) and the cluster's name
     * ({@code cluster-name}, which {@code pcs status -f} and crm_mon print). Empty when the CIB
     * already says so: nothing is written then.
     */
    public Optional<CompletableFuture<WriteResult>> recordClusterIdentity(String clusterName, String dcVersion) {
        Map<String, String> wanted = new java.util.LinkedHashMap<>();
        wanted.put("dc-version", dcVersion);
        wanted.put("cluster-infrastructure", "pacer");
        wanted.put("cluster-name", clusterName);
        Map<String, String> now = new java.util.HashMap<>();
        cib.read().configuration().crmConfig().stream().filter(set -> set.id().equals("cib-bootstrap-options"))
                .forEach(set -> now.putAll(set.values()));
        List<CibOperation> ops = wanted.entrySet().stream().filter(e -> !e.getValue().equals(now.get(e.getKey())))
                .map(e -> CibOperation.put("configuration/crm_config/cluster_property_set[cib-bootstrap-options]",
                        XmlElement.of("nvpair", nvpair("cib-bootstrap-options-" + e.getKey(), e.getKey(), e.getValue()),
                                List.of())))
                .toList();
        return ops.isEmpty() ? Optional.empty() : Optional.of(cib.write(CibOperation.batch(ops)));
    }

    /** An nvpair's attributes in Pacemaker's order: id, name, value. */
    private static Map<String, String> nvpair(String id, String name, String value) {
        Map<String, String> a = new java.util.LinkedHashMap<>();
        a.put("id", id);
        a.put("name", name);
        a.put("value", value);
        return a;
    }

    private CompletableFuture<WriteResult> nodeAttribute(String node, String name, boolean on) {
        Optional<pacer.cib.Node> n = cib.read().configuration().node(node);
        if (n.isEmpty()) {
            return CompletableFuture.completedFuture(WriteResult.rejected(cib.read().version(),
                    "there is no node '" + node + "' in the configuration"));
        }
        String id = n.get().id();
        String path = "configuration/nodes/node[" + id + "]/instance_attributes[nodes-" + id + "]";
        return cib.write(CibOperation.put(path, XmlElement.of("nvpair",
                Map.of("id", "nodes-" + id + "-" + name, "name", name, "value", on ? "on" : "off"), List.of())));
    }

    private CompletableFuture<List<WriteResult>> all(List<CibOperation> ops) {
        List<CompletableFuture<WriteResult>> writes = ops.stream().map(cib::write).toList();
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .thenApply(v -> writes.stream().map(CompletableFuture::join).toList());
    }
}
