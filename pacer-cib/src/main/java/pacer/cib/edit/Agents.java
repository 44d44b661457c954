package pacer.cib.edit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resolving the agent a user names ({@code IPaddr2} or {@code ocf:heartbeat:IPaddr2}) and loading
 * its meta-data, with pcs's messages ("Assumed agent name ...") and a suggestion for a typo.
 */
final class Agents {
    /** Standards whose agents carry no meta-data of their own; Pacemaker describes them generically. */
    private static final Set<String> GENERIC = Set.of("systemd", "lsb", "service", "upstart");

    private final AgentMetadataSource source;

    Agents(AgentMetadataSource source) {
        this.source = source;
    }

    /** The agent's full name, or empty after reporting why it cannot be found. */
    Optional<AgentName> resolve(String typed, Problems problems) {
        Optional<AgentName> full = AgentName.parseFull(typed);
        if (full.isPresent()) return full;
        if (typed.contains(":")) {
            problems.error("invalid-agent-name", typed, "invalid resource agent name '" + typed
                    + "', use standard:provider:type when standard is 'ocf' or standard:type otherwise");
            return Optional.empty();
        }
        List<AgentName> all = source.agents();
        List<AgentName> matches = all.stream().filter(a -> a.type().equals(typed)).toList();
        if (matches.isEmpty()) {
            matches = all.stream().filter(a -> a.type().toLowerCase(Locale.ROOT).equals(typed.toLowerCase(Locale.ROOT))).toList();
        }
        if (matches.size() == 1) {
            problems.info("Assumed agent name '" + matches.get(0).full() + "' (deduced from '" + typed + "')");
            return Optional.of(matches.get(0));
        }
        if (matches.size() > 1) {
            problems.error("ambiguous-agent", typed, "multiple agents match '" + typed + "', please specify full name: "
                    + String.join(", ", matches.stream().map(AgentName::full).sorted().toList()));
        } else {
            problems.error("agent-not-found", typed, "unable to find agent '" + typed + "', try specifying its full name"
                    + Suggest.didYouMean(typed, all.stream().map(AgentName::type).distinct().toList()));
        }
        return Optional.empty();
    }

    /**
     * The agent's meta-data. A missing agent is an error unless forced; forced, an empty
     * description stands in (no parameter checks, only a monitor operation).
     */
    Optional<AgentMetadata> metadata(AgentName name, Problems problems) {
        Optional<AgentMetadata> md = source.metadata(name);
        if (md.isPresent()) return md;
        if (GENERIC.contains(name.standard())) return Optional.of(AgentMetadata.generic(name));
        problems.forceable("agent-not-found", name.full(), "agent '" + name.full()
                + "' is not installed or does not provide valid metadata"
                + Suggest.didYouMean(name.full(), source.agents().stream().map(AgentName::full).toList()));
        return problems.force() ? Optional.of(new AgentMetadata(name, List.of(), List.of())) : Optional.empty();
    }

    /** Checks parameter names and required parameters against the meta-data. */
    static void checkParameters(AgentMetadata md, java.util.Map<String, String> given, boolean creating,
                                Problems problems) {
        if (md.parameters().isEmpty() && md.actions().isEmpty()) return;
        List<String> names = md.parameterNames();
        for (String name : given.keySet()) {
            if (names.contains(name) || (md.name().isStonith() && name.startsWith("pcmk_"))) {
                md.parameter(name).filter(AgentMetadata.Parameter::deprecated).ifPresent(p -> problems.warning(
                        "deprecated-parameter", name, "resource option '" + name + "' of agent '" + md.name().full()
                                + "' is deprecated"));
                continue;
            }
            String suggestion = Suggest.didYouMean(name, names);
            problems.forceable("invalid-parameter", name, "invalid resource option '" + name + "' for agent '"
                    + md.name().full() + "'" + (suggestion.isEmpty() && !names.isEmpty()
                    ? ", allowed options are: " + String.join(", ", names.stream().map(n -> "'" + n + "'").toList())
                    : suggestion));
        }
        if (!creating) return;
        for (AgentMetadata.Parameter p : md.parameters()) {
            // A fence agent's 'action' is set by the fencer for each request (pcmk_off_action,
            // pcmk_reboot_action...): never required of the device, though the meta-data says so,
            // as pcs 0.11.5 does not ask for it either.
            if (md.name().isStonith() && p.name().equals("action")) continue;
            if (p.required() && !p.deprecated() && (given.get(p.name()) == null || given.get(p.name()).isEmpty())) {
                problems.forceable("missing-parameter", p.name(), "required resource option '" + p.name()
                        + "' of agent '" + md.name().full() + "' is missing");
            }
        }
    }
}
