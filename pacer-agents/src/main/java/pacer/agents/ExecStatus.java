package pacer.agents;

/**
 * The execution axis of a result: did the action run, and how did the running go. Kept apart from
 * the agent's own answer ({@link OcfExitCode}) exactly as Pacemaker keeps {@code op-status} apart
 * from {@code rc-code}; {@link #code()} is the value recorded as {@code op-status} in the CIB.
 *
 * <p>Only {@link #DONE} means the exit code is the agent's own verdict. Classifying an exit code
 * as a hard or fatal failure (rc 2, 5, 6, ...) is the scheduler's job, not the executor's: agents
 * that ran to completion report {@code DONE} whatever their exit code.
 */
public enum ExecStatus {
    UNKNOWN(-2, "Unknown"),
    PENDING(-1, "Pending"),
    DONE(0, "Done"),
    CANCELLED(1, "Cancelled"),
    TIMEOUT(2, "Timed Out"),
    NOT_SUPPORTED(3, "Unsupported"),
    ERROR(4, "Error"),
    ERROR_HARD(5, "Hard error"),
    ERROR_FATAL(6, "Fatal error"),
    NOT_INSTALLED(7, "Not installed"),
    NOT_CONNECTED(8, "Internal communication failure"),
    INVALID(9, "Cannot execute now"),
    NO_FENCE_DEVICE(10, "No fence device"),
    NO_SECRETS(11, "CIB secrets unavailable");

    private final int code;
    private final String description;

    ExecStatus(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Pacemaker's {@code enum pcmk_exec_status} value, as written to {@code op-status}. */
    public int code() { return code; }

    /** The text Pacemaker's tools print for this status. */
    public String description() { return description; }

    /** The status with this {@code op-status} value; {@link #UNKNOWN} for anything else. */
    public static ExecStatus fromCode(int code) {
        for (ExecStatus s : values()) {
            if (s.code == code) return s;
        }
        return UNKNOWN;
    }
}
