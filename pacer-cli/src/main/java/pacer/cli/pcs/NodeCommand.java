package pacer.cli.pcs;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.NodeEdits;
import pacer.cib.edit.Suggest;
import picocli.CommandLine.Command;

/** {@code pcs node standby|unstandby|maintenance|unmaintenance [--all | NODE...]} and {@code node attribute}. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Node attributes, as 'pcs node' does. Live through the local pacerd, or offline on a CIB file with -f FILE.",
            "Commands: standby, unstandby, maintenance, unmaintenance [--all | NODE...]; attribute [NODE [NAME=VALUE...]]."})
final class NodeCommand extends PcsCommandBase {
    private static final List<String> COMMANDS = List.of("standby", "unstandby", "maintenance", "unmaintenance", "attribute");

    NodeCommand(AgentMetadataSource agents, InstantSource clock) {
        super(agents, clock);
    }

    @Override List<String> usage() {
        return List.of("standby|unstandby [--all | <node>...]", "maintenance|unmaintenance [--all | <node>...]",
                "attribute [<node> [<name>=<value>...]]");
    }

    @Override int run(List<String> w, PcsArgs args, PcsSession s) {
        if (w.isEmpty()) throw new PcsUsageException("missing command");
        List<String> nodes = w.subList(1, w.size());
        boolean all = args.has("--all");
        switch (w.get(0)) {
            case "standby", "unstandby":
                return s.apply(cib -> NodeEdits.standby(cib, nodes, all, w.get(0).equals("standby"), s.force()));
            case "maintenance", "unmaintenance":
                return s.apply(cib -> NodeEdits.maintenance(cib, nodes, all, w.get(0).equals("maintenance"), s.force()));
            case "attribute":
                if (nodes.size() >= 2) {
                    Map<String, String> attrs = PcsArgs.pairs(nodes.subList(1, nodes.size()));
                    return s.apply(cib -> NodeEdits.attribute(cib, List.of(nodes.get(0)), false, attrs, s.force()));
                }
                return s.print(attributes(s, nodes));
            default:
                throw new PcsUsageException("unknown command 'node " + w.get(0) + "'" + Suggest.didYouMean(w.get(0), COMMANDS));
        }
    }

    /** {@code Node Attributes:} then {@code  NODE: name=value ...} per node with attributes. */
    private static List<String> attributes(PcsSession s, List<String> only) {
        List<String> out = new ArrayList<>();
        out.add("Node Attributes:");
        s.cib().xml().child("configuration").flatMap(c -> c.child("nodes")).ifPresent(ns -> ns.children("node")
                .filter(n -> only.isEmpty() || only.contains(n.attr("uname")))
                .forEach(n -> n.child("instance_attributes").ifPresent(set -> {
                    // sorted by name, as pcs 0.11.5 prints them
                    List<String> pairs = set.children("nvpair").sorted(java.util.Comparator.comparing(p -> p.attr("name", "")))
                            .map(p -> Text.pair(p.attr("name", ""), p.attr("value", ""))).toList();
                    if (!pairs.isEmpty()) out.add(" " + n.attr("uname") + ": " + String.join(" ", pairs));
                })));
        return out;
    }

}
