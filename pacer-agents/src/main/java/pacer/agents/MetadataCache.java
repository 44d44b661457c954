package pacer.agents;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import pacer.agents.metadata.AgentMetadata;

/**
 * Meta-data per agent, read once. Concurrent callers for one agent share a single run of its
 * meta-data action; a failed read is forgotten, so the next caller tries again (the agent may
 * have been installed since).
 *
 * <p>Guarded by {@code lock}: {@code entries} is read and written only while holding it, and the
 * loader is called under it (it only starts an action and returns its future; it never waits).
 */
final class MetadataCache {
    private final Object lock = new Object();
    private final Map<AgentSpec, CompletableFuture<AgentMetadata>> entries = new HashMap<>();

    CompletableFuture<AgentMetadata> get(AgentSpec agent,
                                         Function<AgentSpec, CompletableFuture<AgentMetadata>> loader) {
        CompletableFuture<AgentMetadata> future;
        synchronized (lock) {
            future = entries.get(agent);
            if (future != null) return future;
            future = loader.apply(agent);
            entries.put(agent, future);
        }
        CompletableFuture<AgentMetadata> loaded = future;
        loaded.whenComplete((metadata, error) -> {
            if (error != null) forget(agent, loaded);
        });
        return loaded;
    }

    /** Drops what is known of {@code agent} (after an upgrade of the agent, say). */
    void forget(AgentSpec agent) {
        synchronized (lock) {
            entries.remove(agent);
        }
    }

    private void forget(AgentSpec agent, CompletableFuture<AgentMetadata> failed) {
        synchronized (lock) {
            entries.remove(agent, failed);
        }
    }
}
