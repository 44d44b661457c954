package pacer.fencing;

import java.time.Instant;

/**
 * One completed fencing operation in the history: who was fenced, what was done, why, when, by
 * which device, and how it ended in the agent's words.
 *
 * @param origin the node whose fencer carried it out
 * @param reason why it was asked for (the first request's reason)
 * @param requests how many requests it answered (duplicates that joined it while in flight)
 * @param device the device that succeeded, or the last one tried (empty when none could be tried)
 */
public record FenceEvent(String target, FenceAction action, String reason, String origin, Instant requested,
                         Instant completed, boolean success, String device, String detail, int requests) {
    /** The result every joined request got. */
    public FenceResult result() { return new FenceResult(target, action, success, device, detail, completed); }

    /** Like {@code stonith_admin --history}: {@code reboot of n2 successful: delegate=..., origin=n1, completed=...}. */
    @Override public String toString() {
        return action.word() + " of " + target + (success ? " successful" : " failed") + ": device=" + device
                + ", origin=" + origin + ", completed=" + completed + ", reason=" + reason + " (" + detail + ")";
    }
}
