package pacer.fencing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One fencing operation for one target and action, and every request waiting for it: the first
 * request creates it, duplicates for the same target and action join it while it is in flight,
 * and all of them get the same result, so the target is fenced once.
 *
 * <p>Not thread-safe: it belongs to the fencer thread.
 */
final class FenceOperation {
    private final String target;
    private final FenceAction action;
    private final String reason;
    private final Instant requested;
    private final List<CompletableFuture<FenceResult>> waiters = new ArrayList<>();
    private boolean running;

    FenceOperation(String target, FenceAction action, String reason, Instant requested,
                   CompletableFuture<FenceResult> first) {
        this.target = target;
        this.action = action;
        this.reason = reason;
        this.requested = requested;
        waiters.add(first);
    }

    String target() { return target; }

    FenceAction action() { return action; }

    String reason() { return reason; }

    Instant requested() { return requested; }

    boolean running() { return running; }

    void started() { running = true; }

    int requests() { return waiters.size(); }

    boolean isFor(String otherTarget, FenceAction otherAction) {
        return target.equals(otherTarget) && action == otherAction;
    }

    void join(CompletableFuture<FenceResult> waiter) { waiters.add(waiter); }

    void complete(FenceResult result) { waiters.forEach(w -> w.complete(result)); }

    PendingFence pending() { return new PendingFence(target, action, reason, requested, running, waiters.size()); }
}
