package pacer.agents;

import java.util.concurrent.CompletableFuture;

/**
 * Something that runs agent actions. {@link ResourceAgents} is the real one; tests of what sits
 * on top ({@link RecurringMonitors}, the controller) give scripted results instead.
 */
@FunctionalInterface
public interface AgentExecution {
    /** Starts {@code request}; the future completes with its result and never exceptionally for agent problems. */
    CompletableFuture<AgentResult> execute(AgentRequest request);
}
