package pacer.cib;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of a resource's operation history on a node ({@code lrm_rsc_op}): what ran, its call
 * id (the order of events), its outcome on the two axes Pacemaker keeps apart (op-status, the
 * execution status; rc-code, the agent's exit code) and the digests of the definition it ran with.
 *
 * @param intervalMs the recurring interval in milliseconds (0 for one-shot)
 * @param callId the executor's call id; -1 for a pending operation
 * @param opStatus 0 done, -1 pending, 1 cancelled, 2 timed out, 3 not supported, 4 error,
 *     5 hard error, 6 fatal error, 7 not installed, 8 connection failed, 9 invalid, 10 degraded...
 * @param attributes every attribute of the element, for what is not modelled
 */
public record LrmOperation(String id, String operation, long intervalMs, int callId, int rcCode, int opStatus,
                           Optional<String> opDigest, Optional<String> restartDigest, Optional<String> secureDigest,
                           long lastRcChange, Map<String, String> attributes, int line) {
    public LrmOperation {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) { return Optional.ofNullable(attributes.get(name)); }

    /** Pacemaker's operation key of this entry, {@code RSC_OP_INTERVAL}. */
    public String key(String resourceId) { return resourceId + "_" + operation + "_" + intervalMs; }

    public boolean isPending() { return opStatus == -1 || callId == -1; }

    public boolean isRecurring() { return intervalMs > 0; }
}
