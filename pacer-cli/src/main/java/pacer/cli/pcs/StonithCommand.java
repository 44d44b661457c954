package pacer.cli.pcs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pacer.cib.Cib;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.StonithEdits;
import pacer.cib.edit.Suggest;
import pacer.cib.xml.XmlElement;
import pacer.cli.cluster.ControlClient;
import pacer.cli.cluster.ControlUnreachableException;
import pacer.scheduler.ClusterStatus;
import pacer.scheduler.Scheduler;
import picocli.CommandLine.Command;

/**
 * {@code pcs stonith ...}: create, update, delete|remove, enable, disable, config, status (and a
 * bare {@code pcs stonith}), list, describe, and fence. Fence devices are primitives of class
 * {@code stonith}; the edits are {@link StonithEdits}, live through the local pacerd or offline
 * with {@code -f FILE}.
 */
@Command(name = "stonith", mixinStandardHelpOptions = true,
        description = {"Manage fence devices, as 'pcs stonith' does. Live through the local pacerd, or offline on a CIB file with -f FILE.",
            "Commands: create, update, delete, enable, disable, config, status, list, describe, fence."})
final class StonithCommand extends PcsCommandBase {
    static final List<String> COMMANDS = List.of("create", "update", "delete", "remove", "enable", "disable", "config",
            "status", "show", "list", "describe", "fence");

    /** A little more than pacerd waits for the DC, so that pacerd's own answer arrives. */
    private static final Duration FENCE_PATIENCE = Duration.ofSeconds(130);

    private final AgentCommands catalog;
    private final Supplier<ControlClient> control;

    /** @param control the local pacerd's control API client (tests point it at their own server) */
    StonithCommand(AgentMetadataSource agents, AgentCatalog catalog, InstantSource clock,
                   Supplier<ControlClient> control) {
        super(agents, clock);
        this.catalog = new AgentCommands(catalog);
        this.control = control;
    }

    @Override List<String> usage() {
        return List.of("create <id> <fence agent> [k=v...] [op <action> k=v...]... [meta k=v...] [--disabled]",
                "update <id> [k=v...] [op ...] [meta ...] | delete <id> | enable|disable <id>...",
                "[status] | config [<id>...] | list [<filter>] [--nodesc] | describe <fence agent> [--full]",
                "fence <node> [--off]");
    }

    @Override int run(List<String> w, PcsArgs args, PcsSession s) {
        if (w.isEmpty()) return status(s);
        StonithEdits edits = new StonithEdits(s.agents());
        boolean f = s.force();
        List<String> rest = w.subList(1, w.size());
        switch (w.get(0)) {
            case "create": {
                List<String> a = rest(w, 1, 2);
                ResourceArgs.Sections sec = ResourceArgs.parse(a.subList(2, a.size()), false);
                boolean disabled = args.has("--disabled");
                return s.apply(cib -> edits.create(cib, a.get(0), a.get(1), sec.instance(), sec.operations(), sec.meta(),
                        disabled, f));
            }
            case "update": {
                List<String> a = rest(w, 1, 1);
                ResourceArgs.Sections sec = ResourceArgs.parse(a.subList(1, a.size()), false);
                return s.apply(cib -> edits.update(cib, a.get(0), sec.instance(), sec.operations(), sec.meta(), f));
            }
            case "delete", "remove":
                return s.apply(cib -> edits.delete(cib, ResourceCommand.one(rest, "stonith id"), f));
            case "enable": return s.apply(cib -> edits.setEnabled(cib, rest(w, 1, 1), true, f));
            case "disable": return s.apply(cib -> edits.setEnabled(cib, rest(w, 1, 1), false, f));
            case "status": return status(s);
            case "config", "show": return config(rest, s);
            case "list": return catalog.list(rest, args, s, true);
            case "describe": return catalog.describe(rest, args, s, true);
            case "fence": return fence(rest, args, s);
            default:
                throw new PcsUsageException("unknown command 'stonith " + w.get(0) + "'" + Suggest.didYouMean(w.get(0), COMMANDS));
        }
    }

    /** The fence devices' lines of the resource status, or pcs's note that there are none. */
    private int status(PcsSession s) {
        Cib cib = s.cib();
        List<XmlElement> devices = StonithEdits.devices(cib.xml());
        if (devices.isEmpty()) return s.print(List.of("NO stonith devices configured"));
        ClusterStatus st = Scheduler.schedule(cib, s.now()).status();
        List<String> out = new ArrayList<>();
        for (XmlElement d : devices) {
            String agent = "(stonith:" + d.attr("type", "") + "):";
            List<String> where = st.resources().stream().filter(r -> d.id().equals(r.id()))
                    .flatMap(r -> r.nodes().stream()).toList();
            boolean disabled = st.resources().stream().anyMatch(r -> d.id().equals(r.id()) && "Stopped".equals(r.targetRole()));
            String state = where.isEmpty() ? "Stopped" + (disabled ? " (disabled)" : "") : "Started " + String.join(" ", where);
            out.add("  * " + d.id() + "\t" + agent + "\t " + state);
        }
        return s.print(out);
    }

    private int config(List<String> ids, PcsSession s) {
        List<XmlElement> devices = StonithEdits.devices(s.cib().xml());
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (devices.stream().noneMatch(d -> id.equals(d.id()))) {
                throw new PcsFailure("unable to find stonith resource '" + id + "'"
                        + Suggest.didYouMean(id, devices.stream().map(XmlElement::id).toList()));
            }
        }
        devices.stream().filter(d -> ids.isEmpty() || ids.contains(d.id())).forEach(d -> out.addAll(ResourceText.resource(d)));
        return s.print(out);
    }

    /**
     * {@code stonith fence NODE [--off]}: asks the local pacerd, which asks the DC, to fence the
     * node; waits for the outcome (pacerd gives up after 120 s, as stonith_admin's default).
     */
    private int fence(List<String> rest, PcsArgs args, PcsSession s) {
        String node = ResourceCommand.one(rest, "node name");
        PcsMode.requireLive(args, spec, "stonith fence", "fences a node of the running cluster");
        ControlClient client = control.get();
        List<String> nodes = new LiveCib(client).read().configuration().nodes().stream().map(pacer.cib.Node::uname).toList();
        if (!nodes.contains(node)) {
            throw new PcsFailure("unable to fence '" + node + "': there is no node '" + node + "' in the cluster"
                    + Suggest.didYouMean(node, nodes));
        }
        boolean off = args.has("--off");
        try {
            ControlClient.Response r = client.post("/ops/fence?node=" + URLEncoder.encode(node, StandardCharsets.UTF_8)
                    + "&action=" + (off ? "off" : "reboot"), "", FENCE_PATIENCE);
            if (r.status() != 200) throw new PcsFailure("unable to fence '" + node + "': " + r.body().strip());
            return s.print(List.of(r.body().strip()));
        } catch (ControlUnreachableException e) {
            throw new PcsFailure(e.getMessage());
        }
    }
}
