/**
 * Agent meta-data as records: {@link pacer.agents.metadata.AgentMetadata} with its parameters and
 * actions, read from OCF/fence-agent XML by {@link pacer.agents.metadata.MetadataParser} or built
 * for LSB and systemd by {@link pacer.agents.metadata.BuiltInMetadata}.
 *
 * <p>Pure: no I/O, no clock. Running an agent's {@code meta-data} action and caching the result
 * is {@link pacer.agents.ResourceAgents}'s job.
 */
package pacer.agents.metadata;
