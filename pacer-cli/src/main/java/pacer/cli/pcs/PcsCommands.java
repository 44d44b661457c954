package pacer.cli.pcs;

import java.time.InstantSource;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cli.cluster.ControlClient;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Installs the pcs-compatible command groups ({@code resource}, {@code constraint},
 * {@code property}, {@code node}, {@code status}, {@code stonith}, {@code quorum}) into {@code pacer}, and pcs's global {@code -f FILE} and
 * {@code --force} on {@code pacer} itself (they are also accepted anywhere after the group, as pcs
 * accepts them).
 */
public final class PcsCommands {
    private PcsCommands() {}

    /**
     * @param root the {@code pacer} command line
     * @param agents where resource agent meta-data comes from
     * @param clock "now", for move/ban lifetimes and status views
     * @return {@code root}, for chaining
     */
    public static CommandLine install(CommandLine root, AgentMetadataSource agents, InstantSource clock) {
        return install(root, agents, InstalledAgents.system(), clock);
    }

    /**
     * As {@link #install(CommandLine, AgentMetadataSource, InstantSource)}, with the catalogue of
     * installed agents that {@code resource describe|list|agents|standards|providers} and
     * {@code stonith list|describe} read (tests pass a fixed one).
     */
    public static CommandLine install(CommandLine root, AgentMetadataSource agents, AgentCatalog catalog,
                                      InstantSource clock) {
        root.getCommandSpec().addOption(OptionSpec.builder("-f").paramLabel("FILE").type(String.class)
                .description("Work on the CIB in FILE, offline (pcs -f); it is written back atomically.").build());
        root.getCommandSpec().addOption(OptionSpec.builder("--force").arity("0")
                .description("Do it even where pcs would refuse without --force.").build());
        add(root, "resource", new ResourceCommand(agents, catalog, clock));
        add(root, "constraint", new ConstraintCommand(agents, clock));
        add(root, "property", new PropertyCommand(agents, clock));
        add(root, "node", new NodeCommand(agents, clock));
        add(root, "status", new StatusCommand(agents, clock));
        add(root, "stonith", new StonithCommand(agents, catalog, clock, () -> new ControlClient(null)));
        add(root, "quorum", new QuorumCommand(agents, clock, () -> new ControlClient(null)));
        return root;
    }

    private static void add(CommandLine root, String name, PcsCommandBase command) {
        CommandLine sub = new CommandLine(command);
        sub.setUnmatchedOptionsArePositionalParams(true);
        root.addSubcommand(name, sub);
        root.getSubcommands().get(name).setUnmatchedOptionsArePositionalParams(true);
    }
}
