package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pacer.cib.edit.AgentDescription;
import pacer.cib.edit.AgentName;
import pacer.cib.edit.Suggest;
import pacer.cib.xml.XmlSyntaxException;

/**
 * The agent catalogue commands: {@code pcs resource describe|list|agents|standards|providers}
 * and {@code pcs stonith list|describe}. Read-only; they look at the host's agents (never the CIB),
 * so they work the same with or without {@code -f}.
 */
final class AgentCommands {
    private final AgentCatalog catalog;

    AgentCommands(AgentCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code pcs resource standards}. */
    int standards(PcsSession s) {
        return s.print(catalog.standards());
    }

    /** {@code pcs resource providers}. */
    int providers(PcsSession s) {
        return s.print(catalog.providers());
    }

    /** {@code pcs resource agents [STANDARD[:PROVIDER]]}: the agents' types, or full names without a filter. */
    int agents(List<String> words, PcsSession s) {
        if (words.size() > 1) throw new PcsUsageException("agents takes at most one STANDARD[:PROVIDER]");
        List<AgentName> resources = catalog.agents().stream().filter(a -> !a.isStonith()).toList();
        if (words.isEmpty()) return s.print(resources.stream().map(AgentName::full).sorted().toList());
        String[] parts = words.get(0).split(":", -1);
        String standard = parts[0];
        Optional<String> provider = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
        List<String> types = catalog.agents().stream()
                .filter(a -> a.standard().equals(standard)
                        || standard.equals("service") && List.of("lsb", "systemd").contains(a.standard()))
                .filter(a -> provider.isEmpty() || provider.equals(a.provider()))
                .map(AgentName::type).distinct().sorted().toList();
        if (types.isEmpty()) {
            throw new PcsFailure("no agents found for '" + words.get(0) + "'" + Suggest.didYouMean(standard,
                    catalog.standards()) + "; see 'pcs resource standards' and 'pcs resource providers'");
        }
        return s.print(types);
    }

    /**
     * {@code pcs resource list [FILTER] [--nodesc]} and {@code pcs stonith list [FILTER] [--nodesc]}:
     * each agent's name and short description, the filter matched case-insensitively in the name.
     */
    int list(List<String> words, PcsArgs args, PcsSession s, boolean stonith) {
        if (words.size() > 1) throw new PcsUsageException("list takes at most one filter");
        String filter = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        List<AgentName> all = catalog.agents().stream().filter(a -> a.isStonith() == stonith).toList();
        if (all.isEmpty()) {
            throw new PcsFailure(stonith ? "No stonith agents available. Do you have fence agents installed (/usr/sbin/fence_*)?"
                    : "No resource agents available. Do you have resource agents installed (/usr/lib/ocf/resource.d)?");
        }
        List<String> out = new ArrayList<>();
        for (AgentName a : all) {
            String shown = shown(a);
            if (!shown.toLowerCase(Locale.ROOT).contains(filter)) continue;
            String desc = args.has("--nodesc") ? "" : shortdesc(a);
            out.add(desc.isEmpty() ? shown : shown + " - " + desc);
        }
        if (out.isEmpty()) {
            throw new PcsFailure("no " + (stonith ? "stonith" : "resource") + " agents matching the filter '"
                    + words.get(0) + "'");
        }
        return s.print(out);
    }

    /** {@code pcs resource describe AGENT [--full]} and {@code pcs stonith describe AGENT [--full]}. */
    int describe(List<String> words, PcsArgs args, PcsSession s, boolean stonith) {
        if (words.size() != 1) throw new PcsUsageException("describe takes exactly one agent name");
        AgentName name = resolve(words.get(0), stonith, s);
        String xml = catalog.metadataXml(name).orElseThrow(() -> new PcsFailure("agent '" + name.full()
                + "' is not installed or does not provide valid metadata"));
        AgentDescription d;
        try {
            d = AgentDescription.parse(name, xml);
        } catch (XmlSyntaxException e) {
            throw new PcsFailure("agent '" + name.full() + "' gave meta-data that is not well-formed XML: " + e.getMessage());
        }
        return s.print(AgentText.describe(d, shown(name), args.has("--full")));
    }

    private AgentName resolve(String typed, boolean stonith, PcsSession s) {
        if (stonith) {
            String type = typed.startsWith("stonith:") ? typed.substring("stonith:".length()) : typed;
            if (type.contains(":")) throw new PcsFailure("invalid stonith agent name '" + typed + "', use 'pcs resource describe'");
            AgentName name = AgentName.of("stonith", null, type);
            if (catalog.metadataXml(name).isEmpty()) throw notFound(typed, true);
            return name;
        }
        if (typed.startsWith("stonith:")) {
            throw new PcsFailure("'" + typed + "' is a fence agent, use 'pcs stonith describe " + typed.substring(8) + "'");
        }
        Optional<AgentName> full = AgentName.parseFull(typed);
        if (full.isPresent()) return full.get();
        if (typed.contains(":")) {
            throw new PcsFailure("invalid resource agent name '" + typed
                    + "', use standard:provider:type when standard is 'ocf' or standard:type otherwise");
        }
        List<AgentName> matches = catalog.agents().stream().filter(a -> !a.isStonith())
                .filter(a -> a.type().equalsIgnoreCase(typed)).toList();
        if (matches.size() > 1) {
            throw new PcsFailure("multiple agents match '" + typed + "', please specify full name: "
                    + String.join(", ", matches.stream().map(AgentName::full).sorted().toList()));
        }
        if (matches.isEmpty()) throw notFound(typed, false);
        s.err("Assumed agent name '" + matches.get(0).full() + "' (deduced from '" + typed + "')");
        return matches.get(0);
    }

    private PcsFailure notFound(String typed, boolean stonith) {
        List<String> names = catalog.agents().stream().filter(a -> a.isStonith() == stonith)
                .map(a -> typed.contains(":") ? shown(a) : a.type()).distinct().toList();
        return new PcsFailure("unable to find agent '" + typed + "'" + Suggest.didYouMean(typed, names)
                + (stonith ? "; see 'pcs stonith list'" : "; see 'pcs resource list'"));
    }

    private String shortdesc(AgentName a) {
        try {
            return catalog.metadataXml(a).map(x -> AgentText.collapse(AgentDescription.parse(a, x).shortdesc())).orElse("");
        } catch (XmlSyntaxException e) {
            return "";
        }
    }

    /** A fence agent shows without its {@code stonith:} prefix, as pcs shows it. */
    private String shown(AgentName a) {
        return a.isStonith() ? a.type() : a.full();
    }
}
