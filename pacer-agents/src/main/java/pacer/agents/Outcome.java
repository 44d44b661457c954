package pacer.agents;

/**
 * The two axes of a result plus the reason, without timing or output: what a class concludes
 * from an exit status, or what it answers without running anything.
 *
 * @param exitReason a short human reason; empty when there is none
 */
public record Outcome(ExecStatus status, OcfExitCode rc, String exitReason) {
    public static Outcome done(OcfExitCode rc) { return new Outcome(ExecStatus.DONE, rc, ""); }

    public static Outcome done(OcfExitCode rc, String reason) { return new Outcome(ExecStatus.DONE, rc, reason); }

    public static Outcome notInstalled(String reason) {
        return new Outcome(ExecStatus.NOT_INSTALLED, OcfExitCode.NOT_INSTALLED, reason);
    }

    public static Outcome notSupported(String reason) {
        return new Outcome(ExecStatus.NOT_SUPPORTED, OcfExitCode.UNIMPLEMENT_FEATURE, reason);
    }

    public Outcome withReason(String reason) { return new Outcome(status, rc, reason); }
}
