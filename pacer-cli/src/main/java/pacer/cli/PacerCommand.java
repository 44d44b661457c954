package pacer.cli;

import java.io.InputStream;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pacer}, the command line's root: help, version, and the subcommands. For now the only
 * subcommand is {@code simulate}; the pcs-compatible ones (resource, constraint, property, node,
 * status, cluster) will join it here.
 *
 * <p>{@link #commandLine} is the one place that wires a command tree; {@link #main} gives it the
 * process's streams and clock, tests give it their own.
 */
@Command(name = "pacer", mixinStandardHelpOptions = true, versionProvider = PacerVersion.class,
        description = "Pacer: a high-availability cluster manager with Pacemaker's model, in Java.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:success", " 1:internal error (a bug in pacer)", " 2:invalid usage",
            "65:input is not usable (malformed XML)", "66:input file missing or unreadable"},
        footer = {"%nSee 'pacer COMMAND --help' for a command's options."})
public final class PacerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Runs {@code pacer} and exits with its exit code. PACER_DEBUG=1 shows stack traces of bugs. */
    public static void main(String[] args) {
        boolean debug = !System.getenv().getOrDefault("PACER_DEBUG", "").isEmpty();
        System.exit(commandLine(System.in, InstantSource.system(), debug).execute(args));
    }

    /**
     * The whole command tree, with exit code mapping and failure messages installed. Output goes
     * to the process's stdout and stderr unless the caller sets {@code setOut}/{@code setErr}.
     *
     * @param stdin what {@code -x -} reads
     * @param clock the wall clock, the simulated "now" of last resort
     * @param debug print stack traces of unexpected exceptions
     */
    public static CommandLine commandLine(InputStream stdin, InstantSource clock, boolean debug) {
        FailureHandler failures = new FailureHandler(debug);
        CommandLine root = new CommandLine(new PacerCommand())
                .addSubcommand("simulate", new SimulateCommand(stdin, clock))
                .addSubcommand("cluster", new pacer.cli.cluster.ClusterCommand());
        pacer.cli.host.HostCommands.install(root, stdin);
        pacer.cli.pcs.PcsCommands.install(root, pacer.cli.pcs.OcfAgents.fromEnvironment(), clock);
        return pacer.cli.host.HostCommands.installQuorumDevice(root)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures)
                .setExitCodeExceptionMapper(failures);
    }

    /** {@code pacer} without a command is a usage error: it says so and prints the usage. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command, for example: pacer simulate -x FILE");
    }
}
