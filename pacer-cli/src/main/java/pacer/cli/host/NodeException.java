package pacer.cli.host;

/**
 * A node could not be asked (unreachable, not TLS, certificate changed) or answered with an
 * error. The message is complete: it names the node, its address and port, and what to check.
 */
final class NodeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    NodeException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The API's error code, or a client-side one (UNREACHABLE, CERT_CHANGED, TLS, NOT_AUTHORIZED). */
    String code() {
        return code;
    }
}
