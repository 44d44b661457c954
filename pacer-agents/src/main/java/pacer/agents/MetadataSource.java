package pacer.agents;

import pacer.agents.metadata.AgentMetadata;

/** Where one agent's meta-data comes from: the agent's own output, or the class itself. */
sealed interface MetadataSource {
    /** Run the agent's meta-data action; the XML is on its stdout. */
    record FromAgent(AgentCommand command) implements MetadataSource {}

    /** The class describes the agent itself (LSB and systemd, as Pacemaker does). */
    record BuiltIn(AgentMetadata metadata) implements MetadataSource {}

    /** No meta-data can be had (the agent is not installed, systemd is not running, ...). */
    record Unavailable(Outcome outcome) implements MetadataSource {}
}
