package pacer.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import pacer.cib.Cib;
import pacer.cib.xml.XmlReader;
import pacer.cib.xml.XmlSyntaxException;
import pacer.cib.xml.XmlWriter;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.store.CibOperation;
import pacer.store.WriteResult;

/**
 * {@code GET /status}, {@code GET /cib}, {@code POST /cib} and {@code POST /cib/remove-node}: the
 * loopback control API's reads and writes, behind authentication. The CIB travels as XML (what {@code pacer cluster cib}
 * prints and {@code cib-push} sends); everything else is JSON.
 */
final class StatusEndpoints {
    private static final long WRITE_TIMEOUT_SECONDS = 30;
    private final Supplier<LocalCluster> cluster;
    private final Json json;
    private final String nodeName;

    /** @param cluster the attached cluster, or null when this node runs none */
    StatusEndpoints(Supplier<LocalCluster> cluster, Json json, String nodeName) {
        this.cluster = cluster;
        this.json = json;
        this.nodeName = nodeName;
    }

    ApiResponse status(ApiRequest request) {
        LocalCluster c = cluster.get();
        ObjectNode body = json.object().put("node", nodeName).put("in_cluster", c != null);
        if (c != null) {
            Membership m = c.membership();
            body.put("cluster_name", c.clusterName()).put("view", m.viewId()).put("quorate", m.quorate())
                    .put("dc", m.dc().map(Member::name).orElse(null))
                    .put("cib_version", c.cib().version().toString());
            m.members().forEach(member -> body.withArray("members").add(member.name()));
        }
        return json.response(200, body);
    }

    ApiResponse readCib(ApiRequest request) throws ApiException {
        return ApiResponse.text(200, "application/xml", XmlWriter.write(running().cib().xml()));
    }

    ApiResponse pushCib(ApiRequest request) throws Exception {
        LocalCluster c = running();
        WriteResult result;
        try {
            result = c.write(CibOperation.replace(XmlReader.parse(request.bodyText(), "pushed CIB")))
                    .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (XmlSyntaxException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (TimeoutException e) {
            throw new ApiException(504, "DC_TIMEOUT", "the DC did not answer within " + WRITE_TIMEOUT_SECONDS
                    + " s; check GET /status for a DC and quorum");
        }
        if (!result.accepted()) {
            throw new ApiException(409, "CIB_REJECTED", String.join("\n", result.reasons()));
        }
        return json.response(200, json.object().put("cib_version", result.version().toString()))
                .withAudit(new ApiResponse.Audit("", "cib", "version " + result.version()));
    }

    /**
     * {@code POST /cib/remove-node {"node": NAME}} ({@code crm_node --remove}): the node's entry in
     * {@code configuration/nodes} and its {@code node_state} go, in one write through the DC.
     * Refused while the node is a member (stop it first).
     */
    ApiResponse removeNode(ApiRequest request) throws Exception {
        LocalCluster c = running();
        String node = Json.text(json.body(request), "node");
        if (c.membership().members().stream().anyMatch(m -> m.name().equals(node))) {
            throw new ApiException(409, "NODE_RUNNING", node + " is still a member of the cluster; stop the cluster"
                    + " there first ('pcs cluster stop " + node + "'), then remove it");
        }
        Cib cib = c.cib();
        List<CibOperation> ops = new ArrayList<>();
        cib.configuration().nodes().stream().filter(n -> n.uname().equals(node))
                .forEach(n -> ops.add(CibOperation.deleteIfPresent("configuration/nodes", "node", n.id())));
        cib.status().nodes().stream().filter(n -> n.uname().equals(node))
                .forEach(n -> ops.add(CibOperation.deleteIfPresent("status", "node_state", n.id())));
        if (ops.isEmpty()) {
            return json.response(200, json.object().put("node", nodeName).put("message", node + " is not in the CIB"));
        }
        WriteResult result;
        try {
            result = c.write(CibOperation.batch(ops)).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(504, "DC_TIMEOUT", "the DC did not answer within " + WRITE_TIMEOUT_SECONDS
                    + " s; check GET /status for a DC and quorum");
        }
        if (!result.accepted()) {
            throw new ApiException(409, "CIB_REJECTED", String.join("\n", result.reasons()));
        }
        return json.response(200, json.object().put("node", nodeName).put("message", node + " removed from the CIB"))
                .withAudit(new ApiResponse.Audit("", "cib node " + node, "removed"));
    }

    private LocalCluster running() throws ApiException {
        LocalCluster c = cluster.get();
        if (c == null) {
            throw new ApiException(409, "NOT_IN_CLUSTER", nodeName + " does not run a cluster yet; set one up with"
                    + " 'pacer cluster setup NAME NODE...' and start pacerd with the configuration");
        }
        return c;
    }
}
