package pacer.cli.host;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pcs cluster node}: the group of {@code add}, {@code remove} (or {@code delete}) and {@code clear}. */
@Command(name = "node", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Add nodes to the cluster or remove them.")
final class ClusterNodeCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command: add, remove or clear");
    }
}
