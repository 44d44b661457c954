package pacer.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import pacer.api.setup.NodeSetup;
import pacer.api.setup.SetupRefusedException;

/**
 * {@code POST /cluster/setup-node} (check or write this node's cluster configuration and key),
 * {@code POST /cluster/setup-node/undo} (the rollback of a setup that failed elsewhere), and
 * {@code POST /cluster/start} / {@code /cluster/stop} / {@code /cluster/enable} / {@code /cluster/disable} /
 * {@code /cluster/destroy}.
 *
 * <p>Body of the setup calls: {@code {"config": TEXT, "authkey": BASE64, "check_only": BOOL}}.
 * A refusal is 409 (already in a cluster, files not ours) or 400 (invalid configuration or key),
 * with the node's own explanation.
 */
final class ClusterEndpoints {
    private final NodeSetup setup;
    private final ClusterLifecycle lifecycle;
    private final Json json;
    private final String nodeName;

    ClusterEndpoints(NodeSetup setup, ClusterLifecycle lifecycle, Json json, String nodeName) {
        this.setup = setup;
        this.lifecycle = lifecycle;
        this.json = json;
        this.nodeName = nodeName;
    }

    ApiResponse setupNode(ApiRequest request) throws ApiException {
        ObjectNode body = json.body(request);
        String config = Json.text(body, "config");
        byte[] key = key(body);
        boolean checkOnly = Json.flag(body, "check_only");
        try {
            if (checkOnly) {
                setup.check(config, key);
                return json.response(200, json.object().put("node", nodeName).put("ready", true))
                        .withAudit(new ApiResponse.Audit("", "cluster.conf", "check passed"));
            }
            List<Path> written = setup.write(config, key);
            ObjectNode answer = json.object().put("node", nodeName);
            written.forEach(p -> answer.withArray("written").add(p.toString()));
            return json.response(200, answer).withAudit(new ApiResponse.Audit("", written.get(0).toString(), "written"));
        } catch (SetupRefusedException e) {
            throw refusal(e);
        }
    }

    ApiResponse undo(ApiRequest request) throws ApiException {
        ObjectNode body = json.body(request);
        try {
            List<Path> removed = setup.undo(Json.text(body, "config"), key(body));
            ObjectNode answer = json.object().put("node", nodeName);
            removed.forEach(p -> answer.withArray("removed").add(p.toString()));
            return json.response(200, answer).withAudit(new ApiResponse.Audit("", "cluster.conf",
                    removed.isEmpty() ? "nothing to remove" : "removed"));
        } catch (SetupRefusedException e) {
            throw refusal(e);
        }
    }

    ApiResponse start(ApiRequest request) throws ApiException {
        return json.response(200, json.object().put("node", nodeName).put("message", lifecycle.start()));
    }

    ApiResponse stop(ApiRequest request) throws ApiException {
        return json.response(200, json.object().put("node", nodeName).put("message", lifecycle.stop()));
    }

    ApiResponse enable(ApiRequest request) throws ApiException {
        return json.response(200, json.object().put("node", nodeName).put("message", lifecycle.enable()))
                .withAudit(new ApiResponse.Audit("", "cluster autostart", "enabled"));
    }

    ApiResponse disable(ApiRequest request) throws ApiException {
        return json.response(200, json.object().put("node", nodeName).put("message", lifecycle.disable()))
                .withAudit(new ApiResponse.Audit("", "cluster autostart", "disabled"));
    }

    ApiResponse destroy(ApiRequest request) throws ApiException {
        return json.response(200, json.object().put("node", nodeName).put("message", lifecycle.destroy()))
                .withAudit(new ApiResponse.Audit("", "cluster configuration, key and CIB", "destroyed"));
    }

    private static byte[] key(ObjectNode body) throws ApiException {
        try {
            return Base64.getDecoder().decode(Json.text(body, "authkey"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the field 'authkey' is not base64: " + e.getMessage());
        }
    }

    /** 400 for an invalid request, 500 for files that cannot be written, 409 for every other refusal. */
    static ApiException refusal(SetupRefusedException e) {
        int status = e.reason() == SetupRefusedException.Reason.INVALID ? 400
                : e.reason() == SetupRefusedException.Reason.NOT_WRITABLE ? 500 : 409;
        return new ApiException(status, e.reason().name(), e.getMessage());
    }
}
