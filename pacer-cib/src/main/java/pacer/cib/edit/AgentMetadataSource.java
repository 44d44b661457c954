package pacer.cib.edit;

import java.util.List;
import java.util.Optional;

/**
 * Where edits get agent meta-data: on a node, from the installed agents (running
 * {@code AGENT meta-data}); in tests, a fixed table. Implementations do the I/O, so the edit
 * commands stay pure.
 */
public interface AgentMetadataSource {
    /** The agent's meta-data, or empty when the agent is not installed or gives none. */
    Optional<AgentMetadata> metadata(AgentName agent);

    /** The installed agents, for resolving a bare type ({@code IPaddr2}) and for suggestions. */
    List<AgentName> agents();
}
