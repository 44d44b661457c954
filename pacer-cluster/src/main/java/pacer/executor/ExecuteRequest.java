package pacer.executor;

import java.util.Map;
import java.util.Objects;

/**
 * The DC asks a node's executor to run one action of a transition.
 *
 * @param transitionKey Pacemaker's {@code action:transition:expected-rc:dc-uuid}; names the
 *     action in the result and is recorded with it
 * @param resource the resource (or clone instance) id, {@code OCF_RESOURCE_INSTANCE}
 * @param agent {@code class:provider:type}
 * @param operation {@code start}, {@code stop}, {@code monitor} (a probe when the interval is 0)...
 * @param params the instance attributes, evaluated for the node
 * @param meta meta-attributes for {@code OCF_RESKEY_CRM_meta_*}; {@code start-delay} (ms) delays
 *     the first run of a recurring monitor
 */
public record ExecuteRequest(String transitionKey, String resource, String agent, String operation, long intervalMs,
                             long timeoutMs, Map<String, String> params, Map<String, String> meta) {
    public ExecuteRequest {
        Objects.requireNonNull(transitionKey, "transitionKey");
        params = Map.copyOf(params);
        meta = Map.copyOf(meta);
    }

    /** {@code RSC_OP_INTERVAL}. */
    public String key() { return resource + "_" + operation + "_" + intervalMs; }
}
