package pacer.agents.metadata;

/** Meta-data that is not the XML it should be; the message names the agent and the problem. */
public final class MetadataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetadataException(String message) { super(message); }

    public MetadataException(String message, Throwable cause) { super(message, cause); }
}
