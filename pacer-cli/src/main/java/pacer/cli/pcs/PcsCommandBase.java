package pacer.cli.pcs;

import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import pacer.cib.edit.AgentMetadataSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every pcs command group shares: it takes its words raw (pcs's grammar is positional, with
 * modifiers anywhere), finds {@code -f}/{@code --force} there or on {@code pacer} itself, and turns
 * usage mistakes and failures into pcs's "Error: ..." lines and exit code 1.
 */
abstract class PcsCommandBase implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "The command's words, as for pcs.")
    List<String> raw = new ArrayList<>();

    private final AgentMetadataSource agents;
    private final InstantSource clock;

    PcsCommandBase(AgentMetadataSource agents, InstantSource clock) {
        this.agents = agents;
        this.clock = clock;
    }

    /** The group's synopsis, printed after a usage error. */
    abstract List<String> usage();

    /** Runs the group's command named by the first word. */
    abstract int run(List<String> words, PcsArgs args, PcsSession session);

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            PcsArgs args = PcsArgs.parse(raw);
            Optional<String> file = args.value("-f").or(() -> rootValue("-f"));
            boolean force = args.has("--force") || rootValue("--force").isPresent();
            PcsSession session = new PcsSession(file, force, spec.commandLine().getOut(), err, agents, clock.instant());
            return run(args.words(), args, session);
        } catch (PcsUsageException e) {
            err.println("Error: " + e.getMessage());
            err.println("Usage:");
            usage().forEach(u -> err.println(u.startsWith(" ") ? "      " + u : "  pcs " + spec.name() + " " + u));
        } catch (PcsFailure e) {
            err.println("Error: " + e.getMessage());
        }
        err.flush();
        return 1;
    }

    private Optional<String> rootValue(String name) {
        OptionSpec option = spec.root().findOption(name);
        if (option == null) return Optional.empty();
        Object v = option.getValue();
        if (v instanceof Boolean b) return b ? Optional.of("") : Optional.empty();
        return Optional.ofNullable(v).map(Object::toString);
    }

    /** The words after the first {@code n}, or a usage error when there are fewer than {@code min}. */
    static List<String> rest(List<String> words, int n, int min) {
        if (words.size() < n + min) throw new PcsUsageException("missing arguments");
        return words.subList(n, words.size());
    }
}
