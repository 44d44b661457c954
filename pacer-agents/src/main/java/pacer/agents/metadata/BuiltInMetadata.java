package pacer.agents.metadata;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Meta-data for classes whose agents describe nothing themselves, with the actions and timeouts
 * Pacemaker gives them ({@code lib/services/services_lsb.c}, {@code systemd.c}): no parameters.
 */
public final class BuiltInMetadata {
    private BuiltInMetadata() {}

    /** An LSB init script: start/stop/status/restart/force-reload 15s, monitor 15s every 15s. */
    public static AgentMetadata lsb(String name, String shortDesc, String longDesc) {
        return new AgentMetadata(name, "1.1", shortDesc, longDesc, List.of(), List.of(
                action("meta-data", 5_000, 0), action("start", 15_000, 0), action("stop", 15_000, 0),
                action("status", 15_000, 0), action("restart", 15_000, 0), action("force-reload", 15_000, 0),
                action("monitor", 15_000, 15_000)));
    }

    /** A systemd unit: start/stop/status 100s, monitor 100s every 60s. */
    public static AgentMetadata systemd(String unit, String description) {
        return new AgentMetadata(unit, "1.1", description, "systemd unit file for " + unit, List.of(), List.of(
                action("start", 100_000, 0), action("stop", 100_000, 0), action("status", 100_000, 0),
                action("monitor", 100_000, 60_000), action("meta-data", 5_000, 0)));
    }

    private static ActionDefinition action(String name, long timeoutMs, long intervalMs) {
        return new ActionDefinition(name, OptionalLong.of(timeoutMs),
                intervalMs > 0 ? OptionalLong.of(intervalMs) : OptionalLong.empty(), OptionalInt.empty(),
                Optional.empty());
    }
}
