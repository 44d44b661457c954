package pacer.cli.host;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pacer host deauth n1...}: forgets nodes' tokens and pinned certificates here (after a
 * node was reinstalled, say). The node itself keeps accepting the token until it expires.
 */
@Command(name = "deauth", mixinStandardHelpOptions = true,
        description = "Forget the token and pinned certificate of the nodes on this machine.")
final class HostDeauthCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HostOptions options;

    @Parameters(arity = "1..*", paramLabel = "NODE", description = "The nodes to forget.")
    List<String> nodes;

    @Override
    public Integer call() throws IOException {
        KnownHosts known = options.load();
        int missing = 0;
        for (String node : nodes) {
            if (known.remove(node)) {
                spec.commandLine().getOut().println(node + ": Deauthorized");
            } else {
                spec.commandLine().getErr().println("Error: " + node + " is not in " + known.path());
                missing++;
            }
        }
        known.save();
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return missing == 0 ? 0 : 1;
    }
}
