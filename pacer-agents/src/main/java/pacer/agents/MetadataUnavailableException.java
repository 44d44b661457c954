package pacer.agents;

/**
 * An agent's meta-data could not be had: the agent is missing, failed, timed out or printed
 * something that is not meta-data. {@link #result()} says how the meta-data action ended.
 */
public final class MetadataUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient AgentResult result;

    public MetadataUnavailableException(AgentSpec agent, AgentResult result, String detail) {
        super("meta-data of " + agent + " unavailable: " + detail);
        this.result = result;
    }

    /** How the meta-data action ended (an OK result when the agent's XML was unreadable). */
    public AgentResult result() { return result; }
}
