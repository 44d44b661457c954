package pacer.controller;

import pacer.fencing.FenceAction;

/**
 * How an administrator's fencing request ended, as the DC (or, when the DC could not be asked,
 * the node that asked) tells it.
 *
 * @param device the device that fenced the node, or the last one tried (empty when none was)
 * @param detail the fence agent's own words, or why nothing was tried, written for the administrator
 */
public record FencingOutcome(String target, FenceAction action, Verdict verdict, String device, String detail) {
    /** Pacemaker's stonith_admin answers, in Pacer's words. */
    public enum Verdict {
        /** The node is known down (off or rebooted); the DC recorded it so and recovers its resources. */
        FENCED,
        /** No node of that name in the CIB's nodes section. */
        UNKNOWN_NODE,
        /** The CIB has no fence device at all. */
        NO_DEVICE,
        /** Every way to fence the node failed; {@code detail} has the agents' reasons. */
        FAILED,
        /** There is no DC to carry it out (no quorum, or the DC changed or went silent meanwhile). */
        NO_DC
    }

    public boolean fenced() { return verdict == Verdict.FENCED; }

    static FencingOutcome of(FencingRequest r, Verdict verdict, String detail) {
        return new FencingOutcome(r.target(), r.action(), verdict, "", detail);
    }
}
