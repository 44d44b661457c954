package pacer.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How failures become a message on standard error and an exit code, installed on the whole
 * command tree by {@link PacerCommand#commandLine}:
 *
 * <ul>
 *   <li>invalid usage (picocli's {@link ParameterException}): the problem, suggestions for a
 *       mistyped option, and where to find help; exit {@link ExitCodes#USAGE};</li>
 *   <li>a {@link CliException}: its message alone ("error: ..."), exit with its code;</li>
 *   <li>anything else is a bug in pacer: one line naming the exception, plus the stack trace
 *       when {@code debug} is on; exit {@link ExitCodes#SOFTWARE}.</li>
 * </ul>
 */
public final class FailureHandler implements IParameterExceptionHandler, IExecutionExceptionHandler, IExitCodeExceptionMapper {
    private final boolean debug;

    /** @param debug print stack traces of unexpected exceptions (the launcher sets it from PACER_DEBUG) */
    public FailureHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return getExitCode(ex);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof ParameterException p) return handleParseException(p, new String[0]);
        PrintWriter err = cmd.getErr();
        if (ex instanceof CliException e) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: internal error in pacer (a bug; please report it): " + ex
                    + (debug ? "" : " (set PACER_DEBUG=1 to see the stack trace)"));
            if (debug) ex.printStackTrace(err);
        }
        err.flush();
        return getExitCode(ex);
    }

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof ParameterException) return ExitCodes.USAGE;
        if (exception instanceof CliException e) return e.exitCode();
        return ExitCodes.SOFTWARE;
    }
}
