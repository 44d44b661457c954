package pacer.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Optional;
import pacer.membership.QuorumDevice;

/**
 * The quorum device's routes.
 *
 * <ul>
 *   <li>{@code POST /cluster/quorum-device} on a cluster node: {@code {"host": H, "port": P,
 *       "tie_breaker": T, "check_only": BOOL}} to use the witness at H, or {@code {"remove": true}};
 *       the node rewrites its cluster.conf and applies it to the running cluster.</li>
 *   <li>{@code POST /qdevice/clusters} on the witness host: {@code {"cluster": NAME, "witness_key":
 *       BASE64}} serves that cluster; {@code POST /qdevice/clusters/remove} {@code {"cluster": NAME}}
 *       stops; {@code GET /qdevice/status} gives the witness's status lines.</li>
 * </ul>
 */
final class QdeviceEndpoints {
    private final QuorumDeviceAdmin admin;
    private final Json json;
    private final String nodeName;

    QdeviceEndpoints(QuorumDeviceAdmin admin, Json json, String nodeName) {
        this.admin = admin;
        this.json = json;
        this.nodeName = nodeName;
    }

    ApiResponse useDevice(ApiRequest request) throws ApiException {
        ObjectNode body = json.body(request);
        Optional<QuorumDevice> device;
        if (Json.flag(body, "remove")) {
            device = Optional.empty();
        } else {
            String host = Json.text(body, "host");
            int port = body.path("port").asInt(QuorumDevice.DEFAULT_PORT);
            if (port < 1 || port > 65535) throw ApiException.badRequest("port " + port + " is not from 1 to 65535");
            String tie = body.path("tie_breaker").asText("lowest");
            device = Optional.of(new QuorumDevice(host, port, tie));
        }
        String message = admin.useQuorumDevice(device, Json.flag(body, "check_only"));
        return json.response(200, json.object().put("node", nodeName).put("message", message))
                .withAudit(new ApiResponse.Audit("", "cluster.conf", device.map(d -> "qdevice " + d.address())
                        .orElse("qdevice removed") + (Json.flag(body, "check_only") ? " (check)" : "")));
    }

    ApiResponse serveCluster(ApiRequest request) throws ApiException {
        ObjectNode body = json.body(request);
        String cluster = Json.text(body, "cluster");
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Json.text(body, "witness_key"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the field 'witness_key' is not base64: " + e.getMessage());
        }
        String message = admin.serveCluster(cluster, key);
        return json.response(200, json.object().put("node", nodeName).put("message", message))
                .withAudit(new ApiResponse.Audit("", "qnetd/" + cluster, "served"));
    }

    ApiResponse forgetCluster(ApiRequest request) throws ApiException {
        String cluster = Json.text(json.body(request), "cluster");
        String message = admin.forgetCluster(cluster);
        return json.response(200, json.object().put("node", nodeName).put("message", message))
                .withAudit(new ApiResponse.Audit("", "qnetd/" + cluster, "forgotten"));
    }

    ApiResponse status(ApiRequest request) {
        ObjectNode answer = json.object().put("node", nodeName);
        admin.witnessStatus().forEach(l -> answer.withArray("lines").add(l));
        return json.response(200, answer);
    }
}
