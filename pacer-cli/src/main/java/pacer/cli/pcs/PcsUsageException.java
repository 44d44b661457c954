package pacer.cli.pcs;

/** The words typed do not form a valid pcs command; the message says what is wrong. */
final class PcsUsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PcsUsageException(String message) {
        super(message);
    }
}
