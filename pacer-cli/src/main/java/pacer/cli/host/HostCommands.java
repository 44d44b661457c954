package pacer.cli.host;

import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Installs {@code pacer host auth|deauth|password} and {@code pacer cluster auth|setup|start|stop|...|node}
 * into the command tree. The commands get standard input through their constructors (for
 * password prompts), so they are added here rather than by annotation.
 */
public final class HostCommands {
    private HostCommands() {}

    /** {@code pacer host}: the group; its subcommands do the work. */
    @Command(name = "host", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = "Authenticate to nodes' pacerd (HTTPS API) and manage this node's API passwords.")
    static final class HostCommand implements Runnable {
        @Spec CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Missing a command: auth, deauth or password");
        }
    }

    /**
     * @param root the {@code pacer} command line; it must have a {@code cluster} subcommand
     * @param stdin where passwords are read from when there is no terminal
     * @return {@code root}, for chaining
     */
    public static CommandLine install(CommandLine root, InputStream stdin) {
        PasswordPrompt prompt = new PasswordPrompt(stdin);
        CommandLine host = new CommandLine(new HostCommand())
                .addSubcommand("auth", new HostAuthCommand(prompt))
                .addSubcommand("deauth", new HostDeauthCommand())
                .addSubcommand("password", new HostPasswordCommand(prompt));
        root.addSubcommand("host", host);
        root.addSubcommand("qdevice", new QdeviceCommand());
        CommandLine cluster = root.getSubcommands().get("cluster");
        cluster.addSubcommand("auth", new HostAuthCommand(prompt));
        cluster.addSubcommand("setup", new ClusterSetupCommand());
        cluster.addSubcommand("start", startStop("start", "Start the cluster on the nodes (default: this node)."));
        cluster.addSubcommand("stop", startStop("stop", "Stop the cluster on the nodes (default: this node)."));
        cluster.addSubcommand("enable", startStop("enable", "Start the cluster when pacerd starts at boot, on the nodes."));
        cluster.addSubcommand("disable", startStop("disable", "Do not start the cluster at boot, on the nodes."));
        cluster.addSubcommand("destroy", startStop("destroy", "Stop the cluster and remove its configuration, key and"
                + " CIB on the nodes (asks first; --force does not)."));
        cluster.addSubcommand("node", new CommandLine(new ClusterNodeCommand())
                .addSubcommand("add", new NodeAddCommand())
                .addSubcommand("remove", new NodeRemoveCommand())
                .addSubcommand("clear", new NodeClearCommand()));
        return root;
    }

    /**
     * Adds {@code quorum device} to the {@code quorum} group, once {@code PcsCommands} installed it.
     *
     * @return {@code root}, for chaining
     */
    public static CommandLine installQuorumDevice(CommandLine root) {
        root.getSubcommands().get("quorum").addSubcommand("device", new QuorumDeviceCommand());
        return root;
    }

    private static CommandLine startStop(String verb, String description) {
        CommandLine cmd = new CommandLine(new ClusterStartStopCommand(verb)).setCommandName(verb);
        cmd.getCommandSpec().usageMessage().description(description);
        return cmd;
    }
}
