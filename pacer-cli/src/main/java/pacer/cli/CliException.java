package pacer.cli;

/**
 * A failure the user can act on: the message says what is wrong and names the file (and line)
 * at fault, and {@link #exitCode()} is what the process exits with. Printed without a stack trace.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /**
     * @param exitCode one of {@link ExitCodes}
     * @param message a complete sentence for the user, without a leading "error:"
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() { return exitCode; }
}
