package pacer.cib.edit;

import java.util.List;
import java.util.Optional;

/**
 * What an agent's meta-data says that editing needs: its parameters (which are required) and its
 * actions with their default interval and timeout, from which pcs copies the default operations.
 */
public record AgentMetadata(AgentName name, List<Parameter> parameters, List<Action> actions) {
    public AgentMetadata {
        parameters = List.copyOf(parameters);
        actions = List.copyOf(actions);
    }

    /** One {@code <parameter>}: name, whether it must be given, and whether it is deprecated. */
    public record Parameter(String name, boolean required, boolean deprecated) {}

    /**
     * One {@code <action>} with the attributes pcs copies into default operations.
     *
     * @param depth the {@code OCF_CHECK_LEVEL} for a monitor, "0" or empty when none
     */
    public record Action(String name, Optional<String> interval, Optional<String> timeout, Optional<String> depth,
                         Optional<String> role, Optional<String> startDelay) {
        public static Action of(String name, String interval, String timeout) {
            return new Action(name, Optional.ofNullable(interval), Optional.ofNullable(timeout), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
    }

    public List<String> parameterNames() { return parameters.stream().map(Parameter::name).toList(); }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * What Pacemaker reports for standards without agent meta-data of their own (systemd, lsb,
     * service): no parameters; start and stop with a 100s timeout, monitor every 60s.
     */
    public static AgentMetadata generic(AgentName name) {
        return new AgentMetadata(name, List.of(), List.of(Action.of("start", null, "100s"),
                Action.of("stop", null, "100s"), Action.of("monitor", "60s", "100s")));
    }
}
