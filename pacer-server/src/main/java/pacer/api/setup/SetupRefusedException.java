package pacer.api.setup;

/** Why this node refused (part of) a cluster setup or configuration change; the message names the fix. */
public final class SetupRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of refusal, for the API's error code. */
    public enum Reason {
        /** The node has a cluster configuration already, or runs a cluster. */
        ALREADY_IN_CLUSTER,
        /** The configuration text or the key is not valid. */
        INVALID,
        /** The files cannot be written here. */
        NOT_WRITABLE,
        /** An undo found files this setup did not write, and left them alone. */
        NOT_OURS,
        /** A configuration change for a node that is in no cluster. */
        NOT_IN_CLUSTER,
        /** A configuration of another cluster (another name). */
        OTHER_CLUSTER,
        /** A configuration sent with the fingerprint of another cluster key. */
        KEY_MISMATCH
    }

    private final Reason reason;

    public SetupRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
