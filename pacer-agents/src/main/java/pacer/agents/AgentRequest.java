package pacer.agents;

import java.time.Duration;
import java.util.Map;

/**
 * One action to run on one resource, with everything the agent is given.
 *
 * @param resourceId the resource instance ({@code rsc} or a clone instance {@code rsc:0});
 *     becomes {@code OCF_RESOURCE_INSTANCE}
 * @param action the CIB action name ({@code start}, {@code stop}, {@code monitor}, {@code promote},
 *     {@code validate-all}, ...); each class translates it (LSB runs {@code status} for {@code monitor})
 * @param intervalMs 0 for one-shot actions and probes, the interval of a recurring monitor
 * @param timeout how long the agent may run before its process group is terminated
 * @param params the resource's instance attributes, already evaluated (rules applied);
 *     {@code OCF_CHECK_LEVEL} among them is passed under its own name, as Pacemaker does
 * @param meta meta-attributes by their CIB name ({@code target-role}, {@code clone-max}, ...);
 *     given to OCF agents as {@code OCF_RESKEY_CRM_meta_<name>} with {@code -} turned into {@code _}.
 *     The executor sets {@code timeout}, {@code interval} and {@code name} itself.
 */
public record AgentRequest(String resourceId, AgentSpec agent, String action, long intervalMs,
                           Duration timeout, Map<String, String> params, Map<String, String> meta) {
    /** Pacemaker's default action timeout when neither the op nor op_defaults set one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public AgentRequest {
        if (resourceId.isEmpty()) throw new IllegalArgumentException("empty resource id");
        if (action.isEmpty()) throw new IllegalArgumentException("empty action for " + resourceId);
        if (intervalMs < 0) throw new IllegalArgumentException("negative interval for " + resourceId);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive for " + resourceId);
        }
        params = Map.copyOf(params);
        meta = Map.copyOf(meta);
    }

    /** A one-shot action with no meta-attributes. */
    public static AgentRequest of(String resourceId, AgentSpec agent, String action, Duration timeout,
                                  Map<String, String> params) {
        return new AgentRequest(resourceId, agent, action, 0, timeout, params, Map.of());
    }

    /** The same request for another action (same parameters, interval 0). */
    public AgentRequest withAction(String otherAction) {
        return new AgentRequest(resourceId, agent, otherAction, 0, timeout, params, meta);
    }

    /** The same request as a recurring action. */
    public AgentRequest withInterval(long otherIntervalMs) {
        return new AgentRequest(resourceId, agent, action, otherIntervalMs, timeout, params, meta);
    }

    /** Pacemaker's operation key, {@code RSC_ACTION_INTERVAL}. */
    public String key() { return resourceId + "_" + action + "_" + intervalMs; }

    public boolean isRecurring() { return intervalMs > 0; }
}
