package pacer.cli.pcs;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import pacer.cib.Cib;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.StonithEdits;
import pacer.cib.edit.Suggest;
import pacer.cib.xml.XmlElement;
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

    private final AgentCommands catalog;

    StonithCommand(AgentMetadataSource agents, AgentCatalog catalog, InstantSource clock) {
        super(agents, clock);
        this.catalog = new AgentCommands(catalog);
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
            case "fence": return fence(rest, args);
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

    /** Fencing from the command line needs a fence request to the DC, which the control API does not take yet. */
    private int fence(List<String> rest, PcsArgs args) {
        String node = ResourceCommand.one(rest, "node name");
        PcsMode.requireLive(args, spec, "stonith fence", "fences a node of the running cluster");
        throw new PcsFailure("cannot fence '" + node + "'" + (args.has("--off") ? " (--off)" : "")
                + ": fencing from the command line needs a fencing request in pacerd's control API (POST /ops/fence),"
                + " which does not exist yet. The DC fences nodes itself when they are lost; to fence by hand, run the"
                + " fence agent directly (e.g. fence_xvm -o reboot -H " + node + ")");
    }
}
