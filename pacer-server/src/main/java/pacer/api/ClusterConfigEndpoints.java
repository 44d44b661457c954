package pacer.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import pacer.api.setup.ConfigUpdate;
import pacer.api.setup.SetupRefusedException;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigException;

/**
 * A member's cluster configuration, for {@code pcs cluster node add|remove}:
 * <ul>
 *   <li>{@code GET /cluster/config} → {@code {node, cluster_name, config, key_fingerprint}};</li>
 *   <li>{@code POST /cluster/authkey} → {@code {node, authkey}} (base64): the cluster key, for a
 *       node being added. A POST so that the audit log records who read it;</li>
 *   <li>{@code POST /cluster/config} {@code {config, key_fingerprint, check_only}} → the file
 *       replaced atomically and the running cluster told ({@link ClusterLifecycle#reload}); if the
 *       running cluster refuses, the old file is put back and nothing changed. Another cluster's
 *       configuration (name or key fingerprint) is refused with 409.</li>
 * </ul>
 */
final class ClusterConfigEndpoints {
    private final ConfigUpdate update;
    private final ClusterLifecycle lifecycle;
    private final Json json;
    private final String nodeName;

    ClusterConfigEndpoints(ConfigUpdate update, ClusterLifecycle lifecycle, Json json, String nodeName) {
        this.update = update;
        this.lifecycle = lifecycle;
        this.json = json;
        this.nodeName = nodeName;
    }

    ApiResponse read(ApiRequest request) throws ApiException {
        try {
            ConfigUpdate.Current c = update.current();
            return json.response(200, json.object().put("node", nodeName).put("cluster_name", c.config().clusterName())
                    .put("config", c.text()).put("key_fingerprint", c.keyFingerprint()));
        } catch (SetupRefusedException e) {
            throw ClusterEndpoints.refusal(e);
        }
    }

    ApiResponse readKey(ApiRequest request) throws ApiException {
        try {
            update.current();
            String key = Base64.getEncoder().encodeToString(update.key());
            return json.response(200, json.object().put("node", nodeName).put("authkey", key))
                    .withAudit(new ApiResponse.Audit("", "cluster key", "read"));
        } catch (SetupRefusedException e) {
            throw ClusterEndpoints.refusal(e);
        }
    }

    ApiResponse replace(ApiRequest request) throws ApiException {
        ObjectNode body = json.body(request);
        String text = Json.text(body, "config");
        String fingerprint = Json.text(body, "key_fingerprint");
        try {
            if (Json.flag(body, "check_only")) {
                update.check(text, fingerprint);
                return json.response(200, json.object().put("node", nodeName).put("ready", true))
                        .withAudit(new ApiResponse.Audit("", "cluster.conf", "check passed"));
            }
            String before = update.replace(text, fingerprint);
            String message;
            try {
                message = lifecycle.reload(ClusterConfig.parse(text, "the new cluster configuration"));
            } catch (ApiException e) {
                update.replace(before, fingerprint);
                throw e;
            }
            return json.response(200, json.object().put("node", nodeName).put("message", message))
                    .withAudit(new ApiResponse.Audit("", "cluster.conf", "replaced"));
        } catch (SetupRefusedException e) {
            throw ClusterEndpoints.refusal(e);
        } catch (ClusterConfigException e) {
            throw new ApiException(400, "INVALID", e.getMessage());
        }
    }
}
