package pacer.cib.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agent meta-data from a fixed table: a test double, and a cache's backing once meta-data has
 * been read elsewhere.
 */
public final class StaticAgentMetadataSource implements AgentMetadataSource {
    private final Map<String, AgentMetadata> byName = new LinkedHashMap<>();

    public StaticAgentMetadataSource(List<AgentMetadata> agents) {
        agents.forEach(a -> byName.put(a.name().full(), a));
    }

    @Override public Optional<AgentMetadata> metadata(AgentName agent) {
        return Optional.ofNullable(byName.get(agent.full()));
    }

    @Override public List<AgentName> agents() {
        List<AgentName> out = new ArrayList<>();
        byName.values().forEach(a -> out.add(a.name()));
        return out;
    }
}
