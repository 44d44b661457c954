package pacer.cli.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pacer cluster}: commands about the running cluster, through the local pacerd's control
 * API. For now: {@code cib}, {@code cib-push} and {@code membership}.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Work with the running cluster through the local pacerd.",
        subcommands = {ClusterCommand.Cib.class, ClusterCommand.CibPush.class, ClusterCommand.MembershipCmd.class})
public final class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing a command: auth, setup, start, stop, cib, cib-push or membership");
    }

    /** Options every cluster subcommand has. */
    static class ControlOption {
        @Option(names = "--control", paramLabel = "HOST:PORT",
                description = "pacerd's control API (default: $PACER_CONTROL or " + ControlClient.DEFAULT + ").")
        String control;
    }

    private static int fail(CommandSpec spec, String message) {
        spec.commandLine().getErr().println("Error: " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }

    @Command(name = "cib", mixinStandardHelpOptions = true, description = "Print the live CIB (this node's copy).")
    static final class Cib extends ControlOption implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Write it to FILE instead of standard output.")
        Path file;

        @Override
        public Integer call() throws IOException {
            try {
                ControlClient.Response r = new ControlClient(control).get("/cib");
                if (r.status() != 200) return fail(spec, r.body().strip());
                if (file == null) {
                    spec.commandLine().getOut().print(r.body());
                    spec.commandLine().getOut().flush();
                } else {
                    Files.writeString(file, r.body());
                }
                return 0;
            } catch (ControlUnreachableException | IllegalArgumentException e) {
                return fail(spec, e.getMessage());
            }
        }
    }

    @Command(name = "cib-push", mixinStandardHelpOptions = true,
            description = "Replace the cluster's CIB with FILE. Its version (admin_epoch, epoch, num_updates) must be"
                    + " newer than the cluster's, so a stale copy cannot undo someone else's change.")
    static final class CibPush extends ControlOption implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The CIB to push.")
        Path file;

        @Option(names = "--config", description = "Push only the configuration section; the live status is kept.")
        boolean configOnly;

        @Override
        public Integer call() throws IOException {
            String xml;
            try {
                xml = Files.readString(file);
            } catch (NoSuchFileException e) {
                return fail(spec, "no such file: " + file);
            }
            try {
                ControlClient.Response r = new ControlClient(control).post(configOnly ? "/cib?scope=configuration" : "/cib", xml);
                PrintWriter out = r.status() == 200 ? spec.commandLine().getOut() : spec.commandLine().getErr();
                if (r.status() != 200) return fail(spec, r.body().strip());
                out.print(r.body());
                out.flush();
                return 0;
            } catch (ControlUnreachableException | IllegalArgumentException e) {
                return fail(spec, e.getMessage());
            }
        }
    }

    @Command(name = "membership", mixinStandardHelpOptions = true,
            description = "Show the membership as this node sees it: members, quorum, DC, CIB version.")
    static final class MembershipCmd extends ControlOption implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            try {
                ControlClient.Response r = new ControlClient(control).get("/membership");
                if (r.status() != 200) return fail(spec, r.body().strip());
                spec.commandLine().getOut().print(r.body());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (ControlUnreachableException | IllegalArgumentException e) {
                return fail(spec, e.getMessage());
            }
        }
    }
}
