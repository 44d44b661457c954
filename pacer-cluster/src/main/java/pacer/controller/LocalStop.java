package pacer.controller;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stops every resource this node runs, on this node alone, without a DC: how the controller
 * reacts to a quorum loss under {@code no-quorum-policy=stop}. pacerd passes
 * {@code executor::stopAll} ({@link pacer.executor.Executor#stopAll}).
 *
 * <p>Threading: called on the controller's role thread; must not block (the stops run elsewhere).
 */
@FunctionalInterface
public interface LocalStop {
    /** A stop that stops nothing, for a controller without an executor (tools, some tests). */
    LocalStop NONE = reason -> CompletableFuture.completedFuture(List.of());

    /** @return completes with the resources whose stop was initiated */
    CompletableFuture<List<String>> stopAll(String reason);
}
