package pacer.agents;

/**
 * The agent's own answer, in OCF terms: Pacemaker's {@code enum ocf_exitcode}, recorded as
 * {@code rc-code}. LSB, systemd and fence results are mapped onto these codes by their class.
 */
public enum OcfExitCode {
    OK(0, "ok"),
    UNKNOWN_ERROR(1, "error"),
    INVALID_PARAM(2, "invalid parameter"),
    UNIMPLEMENT_FEATURE(3, "unimplemented feature"),
    INSUFFICIENT_PRIV(4, "insufficient privileges"),
    NOT_INSTALLED(5, "not installed"),
    NOT_CONFIGURED(6, "not configured"),
    NOT_RUNNING(7, "not running"),
    RUNNING_PROMOTED(8, "promoted"),
    FAILED_PROMOTED(9, "promoted (failed)"),
    DEGRADED(190, "degraded"),
    DEGRADED_PROMOTED(191, "promoted (degraded)"),
    /** Not an agent answer: the code Pacemaker records while an action is pending. */
    PENDING(193, "pending");

    private final int code;
    private final String description;

    OcfExitCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() { return code; }

    public String description() { return description; }

    /**
     * Reads an OCF agent's exit status as Pacemaker's {@code services__ocf2ocf()} does: 0..9,
     * 190 and 191 are themselves, anything else (including 193) is a generic error.
     */
    public static OcfExitCode fromAgentExit(int exitStatus) {
        if (exitStatus == PENDING.code) return UNKNOWN_ERROR;
        for (OcfExitCode c : values()) {
            if (c.code == exitStatus) return c;
        }
        return UNKNOWN_ERROR;
    }
}
