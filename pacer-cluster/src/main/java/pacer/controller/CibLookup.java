package pacer.controller;

import java.util.Objects;
import java.util.Optional;
import pacer.cib.AttributeSet;
import pacer.cib.Cib;
import pacer.cib.ClusterOption;
import pacer.cib.Primitive;
import pacer.cib.Resource;
import pacer.scheduler.graph.GraphAction;

/** What the CIB says about options and resources, as the controller needs it. Pure functions. */
final class CibLookup {
    private CibLookup() {}

    /** A cluster option's value in {@code crm_config}, or its default. */
    static String option(Cib cib, ClusterOption o) {
        return cib.configuration().crmConfig().stream().map(AttributeSet::values).map(v -> v.get(o.optionName()))
                .filter(Objects::nonNull).findFirst().orElse(o.defaultValue());
    }

    /** The {@code lrm_resource} id: an anonymous clone's instances share their primitive's id. */
    static String lrmId(Cib cib, String resource) {
        if (cib.configuration().resource(resource).isPresent()) return resource;
        String base = resource.replaceAll(":[0-9]+$", "");
        for (Resource top : cib.configuration().resources()) {
            if (top instanceof pacer.cib.Clone c && contains(c, base)) {
                boolean unique = c.meta().stream().map(s -> s.values().get("globally-unique")).filter(Objects::nonNull)
                        .anyMatch(v -> pacer.cib.BooleanValue.parse(v, false));
                return unique ? resource : base;
            }
        }
        return resource;
    }

    private static boolean contains(Resource r, String id) {
        if (r.id().equals(id)) return true;
        for (Resource c : r.children()) if (contains(c, id)) return true;
        return false;
    }

    static Optional<String> agentOf(Cib cib, String resource) {
        String base = resource.replaceAll(":[0-9]+$", "");
        Optional<Resource> r = cib.configuration().resource(resource).or(() -> cib.configuration().resource(base));
        if (r.isPresent() && r.get() instanceof Primitive p) return Optional.of(p.agent());
        return cib.status().nodes().stream().flatMap(n -> n.resources().stream())
                .filter(l -> l.id().equals(resource) || l.id().equals(base)).findFirst().map(pacer.cib.LrmResource::agent);
    }

    static Optional<String> opAttribute(Cib cib, GraphAction a, String attribute) {
        String base = a.resource().replaceAll(":[0-9]+$", "");
        return cib.configuration().resource(base).filter(r -> r instanceof Primitive).map(r -> (Primitive) r)
                .flatMap(p -> p.operations().stream().filter(o -> o.name().equals(a.operation())
                        && o.intervalMs() == a.intervalMs()).findFirst()).flatMap(o -> o.attribute(attribute));
    }
}
