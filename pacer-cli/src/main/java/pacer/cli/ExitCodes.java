package pacer.cli;

/**
 * The exit codes of {@code pacer}. 0 and 2 are picocli's (success, invalid usage); 65 and 66 are
 * the sysexits values that Pacemaker's tools also use ({@code CRM_EX_DATAERR},
 * {@code CRM_EX_NOINPUT}).
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** An unexpected failure inside pacer: a bug. */
    public static final int SOFTWARE = 1;
    /** Invalid usage: an unknown option, a missing or badly formed argument. */
    public static final int USAGE = 2;
    /** The input was read but is not usable, such as malformed XML. */
    public static final int DATA_ERROR = 65;
    /** An input file does not exist or cannot be read. */
    public static final int NO_INPUT = 66;

    private ExitCodes() {}
}
