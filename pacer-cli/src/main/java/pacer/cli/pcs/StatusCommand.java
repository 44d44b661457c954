package pacer.cli.pcs;

import java.time.InstantSource;
import java.util.List;
import pacer.cib.Cib;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.Suggest;
import pacer.scheduler.Scheduler;
import pacer.scheduler.Transition;
import picocli.CommandLine.Command;

/**
 * {@code pcs status [nodes | resources | xml] [--full] [--output-as text|xml|json]}: what the cluster
 * is doing, in pcs 0.11's text (crm_mon's blocks under pcs's header, failed actions; with
 * {@code --full} node attributes and the migration summary too), or crm_mon's XML, or JSON.
 * Reads the live CIB through the local pacerd, or a file with {@code -f}.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the cluster's status, as 'pcs status' does (live, or a CIB file with -f FILE).",
            "Commands: (none) | nodes | resources | xml. Option: --output-as text|xml|json."})
final class StatusCommand extends PcsCommandBase {
    private static final List<String> COMMANDS = List.of("nodes", "resources", "xml", "cluster");

    StatusCommand(AgentMetadataSource agents, InstantSource clock) {
        super(agents, clock);
    }

    @Override List<String> usage() {
        return List.of("[--full] [--output-as text|xml|json]", "nodes", "resources", "xml");
    }

    @Override int run(List<String> w, PcsArgs args, PcsSession s) {
        String format = args.value("--output-as").orElse("text");
        String what = w.isEmpty() ? "" : w.get(0);
        if (what.equals("xml")) format = "xml";
        if (!List.of("text", "xml", "json").contains(format)) {
            throw new PcsUsageException("--output-as takes text, xml or json, not '" + format + "'");
        }
        if (!what.isEmpty() && !COMMANDS.contains(what)) {
            throw new PcsUsageException("unknown command 'status " + what + "'" + Suggest.didYouMean(what, COMMANDS));
        }
        Cib cib = s.cib();
        Transition t = Scheduler.schedule(cib, s.now());
        return switch (format) {
            case "xml" -> s.print(List.of(StatusXml.render(cib, t.status(), s.now())));
            case "json" -> s.print(List.of(StatusJson.render(cib, t.status())));
            default -> switch (what) {
                case "nodes" -> s.print(StatusViews.nodes(t.status()));
                case "resources" -> s.print(StatusText.resources(cib, s.now()));
                default -> s.print(StatusViews.full(cib, t, s.now(), args.has("--full"),
                        clusterName(cib, args.value("-f").isPresent())));
            };
        };
    }

    /** The live cluster's name from this node's cluster configuration; a file's from its CIB. */
    private static String clusterName(Cib cib, boolean file) {
        String fromCib = cib.configuration().crmConfig().stream().map(a -> a.values().get("cluster-name"))
                .filter(java.util.Objects::nonNull).findFirst().orElse("");
        if (file) return fromCib;
        try {
            return pacer.membership.ClusterConfig.load(pacer.membership.ClusterConfig.DEFAULT_PATH).clusterName();
        } catch (pacer.membership.ClusterConfigException e) {
            return fromCib;
        }
    }
}
