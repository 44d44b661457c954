package pacer.agents;

import java.util.Optional;

/**
 * A recurring monitor's result that differs from the one before it (or is its first): what
 * {@link RecurringMonitors} reports.
 *
 * @param previous the last reported result; empty for the first
 */
public record MonitorChange(MonitorKey key, AgentRequest request, AgentResult result, Optional<AgentResult> previous) {}
