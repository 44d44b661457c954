package pacer.cib;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CIB's configuration section, typed: cluster options, nodes, resources in configuration
 * order, constraints, defaults, fencing topology and tags.
 */
public record Configuration(List<AttributeSet> crmConfig, List<Node> nodes, List<Resource> resources,
                            List<Constraint> constraints, List<AttributeSet> rscDefaults,
                            List<AttributeSet> opDefaults, List<FencingLevel> fencingTopology, List<Tag> tags) {
    public static final Configuration EMPTY =
            new Configuration(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public Configuration {
        crmConfig = List.copyOf(crmConfig);
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
        constraints = List.copyOf(constraints);
        rscDefaults = List.copyOf(rscDefaults);
        opDefaults = List.copyOf(opDefaults);
        fencingTopology = List.copyOf(fencingTopology);
        tags = List.copyOf(tags);
    }

    /** Every resource, depth first in configuration order (a group before its members). */
    public List<Resource> allResources() {
        List<Resource> out = new ArrayList<>();
        for (Resource r : resources) collect(r, out);
        return out;
    }

    private static void collect(Resource r, List<Resource> out) {
        out.add(r);
        for (Resource c : r.children()) collect(c, out);
    }

    public Optional<Resource> resource(String id) {
        return allResources().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<Node> node(String idOrUname) {
        return nodes.stream().filter(n -> n.id().equals(idOrUname) || n.uname().equals(idOrUname)).findFirst();
    }
}
