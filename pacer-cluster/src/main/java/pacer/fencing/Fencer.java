package pacer.fencing;

import java.util.concurrent.CompletableFuture;

/**
 * Fences nodes: the controller on the DC asks, the fencer chooses devices (fencing topology
 * levels, then any device that can fence the target), runs them with timeouts and retries, keeps
 * a history, and answers once the target is known down (or when every way failed).
 *
 * <p>Implementations say which thread completes the future; callers must not block on it from a
 * role thread.
 */
public interface Fencer {
    /**
     * @param reason why, as the transition summary says it ("peer is no longer part of the cluster")
     */
    CompletableFuture<FenceResult> fence(String target, FenceAction action, String reason);
}
