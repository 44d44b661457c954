package pacer.cli.pcs;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.PropertyEdits;
import pacer.cib.edit.Suggest;
import pacer.cib.xml.XmlElement;
import picocli.CommandLine.Command;

/** {@code pcs property set|unset|config|defaults}, and 0.9's {@code property list|show}. */
@Command(name = "property", mixinStandardHelpOptions = true,
        description = {"Cluster options, as 'pcs property' does. Live through the local pacerd, or offline on a CIB file with -f FILE.",
            "Commands: set NAME=VALUE..., unset NAME..., config [NAME...] [--all|--defaults] (0.9: list, show), defaults."})
final class PropertyCommand extends PcsCommandBase {
    private static final List<String> COMMANDS = List.of("set", "unset", "config", "list", "show", "defaults");

    PropertyCommand(AgentMetadataSource agents, InstantSource clock) {
        super(agents, clock);
    }

    @Override List<String> usage() {
        return List.of("set <name>=<value>... [--force]", "unset <name>... [--force]",
                "[config|list|show] [<name>... | --all | --defaults]", "defaults");
    }

    @Override int run(List<String> w, PcsArgs args, PcsSession s) {
        String command = w.isEmpty() ? "config" : w.get(0);
        List<String> rest = w.isEmpty() ? List.of() : w.subList(1, w.size());
        switch (command) {
            case "set": {
                Map<String, String> values = PcsArgs.pairs(rest(w, 1, 1));
                PropertyEdits.ClusterFacts facts = args.value("-f").isPresent() ? PropertyEdits.ClusterFacts.UNKNOWN
                        : localClusterFacts();
                return s.apply(cib -> PropertyEdits.set(cib, values, s.force(), facts));
            }
            case "unset":
                return s.apply(cib -> PropertyEdits.unset(cib, rest(w, 1, 1), s.force()));
            case "config", "list", "show":
                return s.print(PropertyText.config(crmConfig(s), rest, args.has("--all"), args.has("--defaults")));
            case "defaults":
                return s.print(PropertyText.config(crmConfig(s), rest, false, true));
            default:
                throw new PcsUsageException("unknown command 'property " + command + "'" + Suggest.didYouMean(command, COMMANDS));
        }
    }

    private static XmlElement crmConfig(PcsSession s) {
        return s.cib().xml().child("configuration").flatMap(c -> c.child("crm_config"))
                .orElse(XmlElement.of("crm_config", Map.of(), List.of()));
    }

    /** What the local cluster configuration says about split-brain protection: is there a quorum witness? */
    private static PropertyEdits.ClusterFacts localClusterFacts() {
        try {
            return new PropertyEdits.ClusterFacts(pacer.membership.ClusterConfig.load(
                    pacer.membership.ClusterConfig.DEFAULT_PATH).quorumDevice().isPresent());
        } catch (pacer.membership.ClusterConfigException e) {
            return PropertyEdits.ClusterFacts.UNKNOWN;
        }
    }
}
