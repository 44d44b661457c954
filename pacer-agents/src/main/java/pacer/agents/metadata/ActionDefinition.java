package pacer.agents.metadata;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One {@code <action>} of an agent's meta-data: the agent's advice for timeouts and intervals.
 * Times are in milliseconds, parsed as Pacemaker parses CIB times ({@code 20s}, {@code 2min}).
 *
 * @param depth {@code OCF_CHECK_LEVEL} for monitors that declare one
 * @param role {@code Promoted}/{@code Unpromoted} (or the older names) for role-specific monitors
 */
public record ActionDefinition(String name, OptionalLong timeoutMs, OptionalLong intervalMs,
                               OptionalInt depth, Optional<String> role) {}
