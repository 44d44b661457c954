package pacer.cli.cluster;

/** pacerd's control API could not be reached; the message says where and what to check. */
public final class ControlUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ControlUnreachableException(String message) { super(message); }
}
