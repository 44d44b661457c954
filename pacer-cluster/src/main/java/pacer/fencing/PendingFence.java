package pacer.fencing;

import java.time.Instant;

/**
 * A fencing operation not finished yet, waiting for its turn or running.
 *
 * @param running false while it waits (for another operation on the same target, or for any other
 *     operation when {@code concurrent-fencing} is false)
 * @param requests how many requests wait for it (duplicates join the operation in flight)
 */
public record PendingFence(String target, FenceAction action, String reason, Instant requested, boolean running,
                           int requests) {
}
