package pacer.agents.metadata;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An agent's meta-data: what it is, the parameters it takes and the actions it offers with their
 * advised timeouts. Immutable; read once per agent and cached by the executor.
 *
 * @param name the {@code <resource-agent name>}
 * @param version the agent's own version ({@code <resource-agent version>}), empty if not given
 */
public record AgentMetadata(String name, String version, String shortDesc, String longDesc,
                            List<ParameterDefinition> parameters, List<ActionDefinition> actions) {
    public AgentMetadata {
        parameters = List.copyOf(parameters);
        actions = List.copyOf(actions);
    }

    public Optional<ParameterDefinition> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** The first action of that name (agents list role- or depth-specific monitors separately). */
    public Optional<ActionDefinition> action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
    }

    /** The advised timeout for an action, if the agent gives one. */
    public OptionalLong defaultTimeoutMs(String actionName) {
        return action(actionName).map(ActionDefinition::timeoutMs).orElse(OptionalLong.empty());
    }

    public List<ParameterDefinition> requiredParameters() {
        return parameters.stream().filter(ParameterDefinition::required).toList();
    }

    public boolean supports(String actionName) { return action(actionName).isPresent(); }
}
