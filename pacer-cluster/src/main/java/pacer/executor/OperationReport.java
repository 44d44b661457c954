package pacer.executor;

import java.util.Objects;

/**
 * What a node's executor reports to the DC: one result of one operation, with everything the
 * {@code lrm_rsc_op} entry needs. A recurring monitor reports its first result and then only
 * changes, each with the call id and transition key of the request that started it.
 *
 * @param node the node that ran it
 * @param callId the executor's call number (the order of events on that node)
 * @param opStatus Pacemaker's execution status ({@code op-status}: 0 done, 2 timed out...)
 * @param rc the OCF exit code ({@code rc-code})
 * @param lastRcChange epoch seconds at which this result was obtained
 * @param execTimeMs how long the agent ran
 * @param queueTimeMs how long the request waited before the agent started
 * @param opDigest the digest of the parameters it ran with ({@link OpDigest})
 */
public record OperationReport(String node, String transitionKey, String resource, String agent, String operation,
                              long intervalMs, int callId, int opStatus, int rc, String exitReason, long lastRcChange,
                              long execTimeMs, long queueTimeMs, String opDigest) {
    public OperationReport {
        Objects.requireNonNull(transitionKey, "transitionKey");
        Objects.requireNonNull(exitReason, "exitReason");
    }

    /** {@code RSC_OP_INTERVAL}. */
    public String key() { return resource + "_" + operation + "_" + intervalMs; }

    /** The rc the DC expected, from the transition key; 0 when the key does not say. */
    public int expectedRc() { return TransitionKey.parse(transitionKey).expectedRc(); }

    /** {@code op-status:rc;transition-key}, Pacemaker's transition magic. */
    public String transitionMagic() { return opStatus + ":" + rc + ";" + transitionKey; }
}
