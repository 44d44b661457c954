package pacer.agents;

/** A recurring monitor: one resource, one interval (Pacemaker keys them the same way). */
public record MonitorKey(String resourceId, long intervalMs) {
    public static MonitorKey of(AgentRequest request) {
        return new MonitorKey(request.resourceId(), request.intervalMs());
    }
}
