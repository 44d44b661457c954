package pacer.fencing;

import java.time.Instant;

/**
 * The outcome of one fencing request: whether the target is now known to be down (or unfenced),
 * by which device, and what happened, as an administrator reads it.
 *
 * @param device the device that succeeded, or the last one tried
 * @param detail the fence agent's own words, or why nothing could be tried
 */
public record FenceResult(String target, FenceAction action, boolean success, String device, String detail,
                          Instant completed) {
}
