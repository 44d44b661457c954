package pacer.cli.pcs;

/** The live CIB changed between reading it and writing the edit back: read and apply again. */
final class StaleCibException extends PcsFailure {
    private static final long serialVersionUID = 1L;

    StaleCibException(String message) { super(message); }
}
