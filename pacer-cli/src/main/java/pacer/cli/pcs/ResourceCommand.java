package pacer.cli.pcs;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.CloneEdits;
import pacer.cib.edit.CreateRequest;
import pacer.cib.edit.DefaultsEdits;
import pacer.cib.edit.GroupEdits;
import pacer.cib.edit.ManageEdits;
import pacer.cib.edit.MoveEdits;
import pacer.cib.edit.OperationEdits;
import pacer.cib.edit.OperationSpec;
import pacer.cib.edit.ResourceCreate;
import pacer.cib.edit.ResourceEdits;
import pacer.cib.edit.Suggest;
import pacer.cib.xml.XmlElement;
import picocli.CommandLine.Command;

/**
 * {@code pcs resource ...}: create, delete|remove, update, meta, op add|delete|remove|defaults,
 * defaults, enable, disable, group add|remove|delete, ungroup, clone, promotable, unclone,
 * move (offline: move-with-constraint), ban, clear, config, status, and 0.9's {@code show};
 * restart (live), manage, unmanage; and the agent catalogue: describe, list, agents, standards,
 * providers ({@link AgentCommands}).
 */
@Command(name = "resource", mixinStandardHelpOptions = true,
        description = {"Manage resources, as 'pcs resource' does. Live through the local pacerd, or offline on a CIB file with -f FILE.",
            "Commands: create, delete, update, meta, op add|delete|defaults, defaults, enable, disable,",
            "group add|remove, ungroup, clone, promotable, unclone, move, ban, clear, config, status, show,",
            "restart, manage, unmanage, describe, list, agents, standards, providers."})
final class ResourceCommand extends PcsCommandBase {
    static final List<String> COMMANDS = List.of("create", "delete", "remove", "update", "meta", "op", "defaults",
            "enable", "disable", "group", "ungroup", "clone", "promotable", "unclone", "move", "move-with-constraint",
            "ban", "clear", "unmove", "unban", "config", "status", "show", "describe", "list", "agents", "standards",
            "providers", "restart", "manage", "unmanage");

    private final AgentCommands catalog;

    ResourceCommand(AgentMetadataSource agents, AgentCatalog catalog, InstantSource clock) {
        super(agents, clock);
        this.catalog = new AgentCommands(catalog);
    }

    @Override List<String> usage() {
        return List.of("create <id> [<standard>:[<provider>:]]<type> [k=v...] [op <action> k=v...]... [meta k=v...]",
                "    [clone [<clone id>] [k=v...] | promotable [<clone id>] [k=v...] | --group <group> [--before|--after <id>]]",
                "    [--disabled] [--no-default-ops]",
                "delete <id> | update <id> [k=v...] [op ...] [meta ...] | meta <id> k=v...",
                "op add <id> <action> [k=v...] | op delete <op id> | op delete <id> <action> [k=v...]",
                "enable|disable <id>... | group add <group> <id>... | group remove <group> [<id>...] | ungroup <group>",
                "clone|promotable <id> [<clone id>] [k=v...] | unclone <id>",
                "move|ban <id> <node> [lifetime=<ISO 8601 duration>] [--promoted] | clear <id> [<node>]",
                "defaults [update] k=v... | op defaults [update] k=v... | config [<id>...] | status | show [<id>] [--full]",
                "restart <id> [--wait=<seconds>] | manage|unmanage <id>...",
                "describe <agent> [--full] | list [<filter>] [--nodesc] | agents [<standard>[:<provider>]] | standards | providers");
    }

    @Override int run(List<String> w, PcsArgs args, PcsSession s) {
        if (w.isEmpty()) return s.print(StatusText.resources(s.cib(), s.now()));
        ResourceEdits edits = new ResourceEdits(s.agents());
        boolean f = s.force();
        List<String> rest = w.subList(1, w.size());
        switch (w.get(0)) {
            case "create": {
                CreateRequest request = ResourceArgs.create(rest(w, 1, 2), args);
                return s.apply(cib -> new ResourceCreate(s.agents()).create(cib, request, f));
            }
            case "delete", "remove":
                return s.apply(cib -> edits.delete(cib, one(rest, "resource id"), f));
            case "update": {
                ResourceArgs.Sections sec = ResourceArgs.parse(rest(w, 2, 0), false);
                return s.apply(cib -> edits.update(cib, rest.get(0), sec.instance(), sec.operations(), sec.meta(), f));
            }
            case "meta": {
                Map<String, String> meta = PcsArgs.pairs(rest(w, 2, 1));
                return s.apply(cib -> edits.meta(cib, rest.get(0), meta, f));
            }
            case "op": return op(rest, s);
            case "defaults": return defaults(DefaultsEdits.Kind.RESOURCE, rest, s);
            case "enable": return s.apply(cib -> edits.enable(cib, rest(w, 1, 1), f));
            case "disable": return s.apply(cib -> edits.disable(cib, rest(w, 1, 1), f));
            case "group": return group(rest, args, s);
            case "ungroup": {
                List<String> ids = rest(w, 1, 1);
                return s.apply(cib -> GroupEdits.remove(cib, ids.get(0), ids.subList(1, ids.size()), f));
            }
            case "clone", "promotable": {
                List<String> a = rest(w, 1, 1);
                Optional<String> cloneId = a.size() > 1 && !PcsArgs.isPair(a.get(1)) ? Optional.of(a.get(1)) : Optional.empty();
                Map<String, String> meta = PcsArgs.pairs(a.subList(cloneId.isPresent() ? 2 : 1, a.size()));
                CreateRequest.CloneKind kind = w.get(0).equals("clone") && !args.has("--master")
                        ? CreateRequest.CloneKind.CLONE : CreateRequest.CloneKind.PROMOTABLE;
                return s.apply(cib -> CloneEdits.clone(cib, a.get(0), kind, cloneId, meta, f));
            }
            case "unclone": return s.apply(cib -> CloneEdits.unclone(cib, one(rest, "resource id"), f));
            case "move", "move-with-constraint", "ban": return moveOrBan(w.get(0).equals("ban"), rest, args, s);
            case "clear", "unmove", "unban": {
                List<String> a = rest(w, 1, 1);
                Optional<String> node = a.size() > 1 ? Optional.of(a.get(1)) : Optional.empty();
                return s.apply(cib -> MoveEdits.clear(cib, a.get(0), node, f));
            }
            case "cleanup", "refresh": return cleanup(rest, args, s);
            case "config": return config(rest, s);
            case "describe": return catalog.describe(rest, args, s, false);
            case "list": return catalog.list(rest, args, s, false);
            case "agents": return catalog.agents(rest, s);
            case "standards": return catalog.standards(s);
            case "providers": return catalog.providers(s);
            case "restart": return ResourceRestart.run(rest, args, spec, s);
            case "manage": return s.apply(cib -> ManageEdits.manage(cib, rest(w, 1, 1), f));
            case "unmanage": return s.apply(cib -> ManageEdits.unmanage(cib, rest(w, 1, 1), f));
            case "status": return s.print(StatusText.resources(s.cib(), s.now()));
            case "show": return rest.isEmpty() && !args.has("--full") ? s.print(StatusText.resources(s.cib(), s.now()))
                    : config(rest, s);
            default:
                throw new PcsUsageException("unknown command 'resource " + w.get(0) + "'" + Suggest.didYouMean(w.get(0), COMMANDS));
        }
    }

    static String one(List<String> words, String what) {
        if (words.size() != 1) throw new PcsUsageException("expected exactly one " + what);
        return words.get(0);
    }

    /** {@code pcs resource cleanup|refresh [RESOURCE] [node=NODE | --node NODE]}: live only. */
    private int cleanup(List<String> rest, PcsArgs args, PcsSession s) {
        String node = args.value("--node").orElse(null);
        String resource = null;
        for (String w : rest) {
            if (w.startsWith("node=")) node = w.substring(5);
            else if (resource == null) resource = w;
        }
        return s.cleanup(resource, node);
    }

    private int op(List<String> w, PcsSession s) {
        if (w.isEmpty()) throw new PcsUsageException("missing 'op' command: add, delete, remove or defaults");
        List<String> a = w.subList(1, w.size());
        boolean f = s.force();
        switch (w.get(0)) {
            case "add": {
                List<String> args = rest(w, 1, 2);
                OperationSpec op = new OperationSpec(args.get(1), PcsArgs.pairs(args.subList(2, args.size())));
                return s.apply(cib -> OperationEdits.add(cib, args.get(0), op, f));
            }
            case "delete", "remove":
                if (a.size() == 1) return s.apply(cib -> OperationEdits.removeById(cib, a.get(0), f));
                if (a.size() < 2) throw new PcsUsageException("op delete needs an operation id, or a resource and an action");
                return s.apply(cib -> OperationEdits.remove(cib, a.get(0), a.get(1), PcsArgs.pairs(a.subList(2, a.size())), f));
            case "defaults": return defaults(DefaultsEdits.Kind.OPERATION, a, s);
            default: throw new PcsUsageException("unknown command 'resource op " + w.get(0) + "'");
        }
    }

    private int defaults(DefaultsEdits.Kind kind, List<String> w, PcsSession s) {
        if (w.isEmpty() || w.equals(List.of("config"))) {
            Cib cib = s.cib();
            XmlElement section = cib.xml().child("configuration").flatMap(c -> c.child(kind.section()))
                    .orElse(XmlElement.of(kind.section(), Map.of(), List.of()));
            return s.print(ResourceText.defaults(section));
        }
        if (w.get(0).equals("set")) {
            if (w.size() < 2 || !w.get(1).equals("create")) {
                throw new PcsUsageException("Pacer knows 'defaults set create [id=..] [score=..] [meta k=v...]' of the "
                        + "'defaults set' commands; change a set's values with 'defaults update k=v...'");
            }
            List<String> a = w.subList(2, w.size());
            int metaAt = a.indexOf("meta");
            if (a.contains("rule")) {
                throw new PcsFailure("rules in defaults sets are not supported by Pacer yet; create the set without "
                        + "'rule', or write its XML and push it with 'pcs cluster cib-push'");
            }
            Map<String, String> options = PcsArgs.pairs(metaAt < 0 ? a : a.subList(0, metaAt));
            Map<String, String> meta = metaAt < 0 ? Map.of() : PcsArgs.pairs(a.subList(metaAt + 1, a.size()));
            return s.apply(cib -> DefaultsEdits.createSet(cib, kind, options, meta, s.force()));
        }
        List<String> pairs = w.get(0).equals("update") ? w.subList(1, w.size()) : w;
        Map<String, String> values = PcsArgs.pairs(pairs);
        return s.apply(cib -> DefaultsEdits.update(cib, kind, values, s.force()));
    }

    private int group(List<String> w, PcsArgs args, PcsSession s) {
        if (w.isEmpty()) throw new PcsUsageException("missing 'group' command: add, remove or delete");
        List<String> a = rest(w, 1, 1);
        boolean f = s.force();
        switch (w.get(0)) {
            case "add":
                if (a.size() < 2) throw new PcsUsageException("group add needs a group and at least one resource");
                return s.apply(cib -> GroupEdits.add(cib, a.get(0), a.subList(1, a.size()), args.value("--before"),
                        args.value("--after"), f));
            case "remove", "delete":
                return s.apply(cib -> GroupEdits.remove(cib, a.get(0), a.subList(1, a.size()), f));
            default: throw new PcsUsageException("unknown command 'resource group " + w.get(0) + "'");
        }
    }

    private int moveOrBan(boolean ban, List<String> w, PcsArgs args, PcsSession s) {
        List<String> a = new ArrayList<>(rest(w, 0, 1));
        Optional<String> lifetime = args.value("--lifetime");
        for (String word : List.copyOf(a)) {
            if (word.startsWith("lifetime=")) {
                lifetime = Optional.of(word.substring("lifetime=".length()));
                a.remove(word);
            }
        }
        String rsc = a.get(0);
        Optional<String> node = a.size() > 1 ? Optional.of(a.get(1)) : Optional.empty();
        boolean promoted = args.has("--promoted") || args.has("--master");
        Optional<String> life = lifetime;
        return s.apply(cib -> ban
                ? MoveEdits.ban(cib, rsc, node, life, promoted, s.now(), s.force())
                : MoveEdits.move(cib, rsc, node, life, promoted, s.now(), s.force()));
    }

    private int config(List<String> ids, PcsSession s) {
        Cib cib = s.cib();
        XmlElement resources = cib.xml().child("configuration").flatMap(c -> c.child("resources"))
                .orElse(XmlElement.of("resources", Map.of(), List.of()));
        List<String> out = new ArrayList<>();
        if (ids.isEmpty()) {
            // pcs 0.11.5 lists the primitives first, then the groups, then the clones, then the
            // bundles; fencing devices are left to 'stonith config'.
            for (List<String> kind : List.of(List.of("primitive"), List.of("group"), List.of("clone", "master"), List.of("bundle"))) {
                resources.children().stream().filter(r -> kind.contains(r.name()) && !"stonith".equals(r.attr("class")))
                        .forEach(r -> out.addAll(ResourceText.resource(r)));
            }
            return s.print(out);
        }
        List<XmlElement> all = resources.descendants().filter(e -> e.id() != null
                && List.of("primitive", "group", "clone", "master", "bundle").contains(e.name())).toList();
        // As pcs 0.11.5: each id not found is a warning and the others are printed; none found fails.
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Optional<XmlElement> r = all.stream().filter(e -> id.equals(e.id())).findFirst();
            if (r.isPresent()) out.addAll(ResourceText.resource(r.get()));
            else missing.add("unable to find resource '" + id + "'" + Suggest.didYouMean(id, all.stream().map(XmlElement::id).toList()));
        }
        if (out.isEmpty()) throw new PcsFailure(String.join("; ", missing) + "; 'pcs resource config' lists them all");
        missing.forEach(m -> s.err("Warning: " + m));
        return s.print(out);
    }
}
