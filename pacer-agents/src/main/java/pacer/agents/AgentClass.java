package pacer.agents;

import java.time.Duration;

/**
 * One resource class (standard): how its agents are found, what they are given and how their
 * exit statuses read. {@code service:} has no class of its own; {@link ResourceAgents} resolves it
 * to systemd or LSB per host.
 *
 * <p>Implementations are immutable and do no I/O beyond looking at files: running is the runner's.
 */
sealed interface AgentClass permits OcfClass, LsbClass, SystemdClass, StonithClass {
    /** How to run {@code request}'s action. */
    Invocation prepare(AgentRequest request);

    /** Where the agent's meta-data comes from. */
    MetadataSource metadata(AgentSpec agent, Duration timeout);
}
