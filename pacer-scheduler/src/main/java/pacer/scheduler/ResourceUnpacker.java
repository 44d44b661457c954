package pacer.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.AttributeSet;
import pacer.cib.BooleanValue;
import pacer.cib.Clone;
import pacer.cib.Configuration;
import pacer.cib.Group;
import pacer.cib.Primitive;
import pacer.cib.Resource;
import pacer.cib.Role;
import pacer.cib.Score;
import pacer.cib.TimeSpec;

/**
 * Builds the working resource tree from the configuration: clones expanded into numbered
 * instances, meta-attributes resolved (own, then inherited from parents, then rsc_defaults) and the
 * per-resource knobs read (priority, stickiness, migration-threshold, failure-timeout,
 * target-role, is-managed).
 */
final class ResourceUnpacker {
    private final Configuration config;
    private final AttributeResolver resolver;
    private final Options options;
    private final int nodeCount;
    private final Map<String, Rsc> byId = new LinkedHashMap<>();
    private int order;

    ResourceUnpacker(Configuration config, AttributeResolver resolver, Options options, int nodeCount) {
        this.config = config;
        this.resolver = resolver;
        this.options = options;
        this.nodeCount = nodeCount;
    }

    List<Rsc> unpack() {
        List<Rsc> top = new ArrayList<>();
        for (Resource r : config.resources()) top.add(build(r, r.id(), null, List.of()));
        return top;
    }

    /** Builds a resource the configuration only implies (a guest node's connection, a bundle's parts). */
    Rsc unpackImplicit(Resource r) {
        return build(r, r.id(), null, List.of());
    }

    /** Every working resource by id (instances as {@code id:N}, and clone children also by base id). */
    Map<String, Rsc> byId() { return byId; }

    private Rsc build(Resource r, String id, Rsc parent, List<List<AttributeSet>> inheritedMeta) {
        Rsc rsc = new Rsc(id, r, parent, order++);
        List<List<AttributeSet>> metaChain = new ArrayList<>();
        metaChain.add(r.meta());
        metaChain.addAll(inheritedMeta);
        rsc.meta = resolveMeta(metaChain, r instanceof Primitive p ? p : null);
        rsc.params = resolver.resolve(r.instance(), Map.of(), null);
        if (r instanceof Primitive prim) {
            Map<String, Integer> u = new java.util.LinkedHashMap<>();
            resolver.resolve(prim.utilization(), Map.of(), prim).forEach((k, v) -> u.put(k, Score.parse(v, 0)));
            rsc.utilization = u;
        }
        rsc.resolver = resolver;
        readKnobs(rsc, r);
        byId.putIfAbsent(id, rsc);
        switch (r.kind()) {
            case PRIMITIVE, BUNDLE -> { }
            case GROUP -> {
                for (Primitive m : ((Group) r).members()) {
                    String memberId = instanceSuffix(id, r.id()).isEmpty() ? m.id() : m.id() + instanceSuffix(id, r.id());
                    rsc.children.add(build(m, memberId, rsc, metaChain));
                }
            }
            case CLONE -> {
                Clone c = (Clone) r;
                int max = intMeta(rsc, "clone-max", nodeCount);
                for (int i = 0; i < max; i++) {
                    rsc.children.add(build(c.child(), c.child().id() + ":" + i, rsc, metaChain));
                }
                // With clone-max=0, a removed :0 instance still takes the histories found.
                if (max <= 0) markRemoved(addInstance(rsc, metaChain));
            }
        }
        return rsc;
    }

    /**
     * Adds a "removed" (orphan) instance to a clone, numbered after its existing instances: an
     * anonymous clone's history found where every configured instance is taken.
     */
    Rsc removedInstance(Rsc clone) {
        order = 50_000 + clone.order * 100 + clone.children.size();
        Rsc instance = addInstance(clone, List.of(clone.config.meta()));
        markRemoved(instance);
        return instance;
    }

    private Rsc addInstance(Rsc clone, List<List<AttributeSet>> metaChain) {
        Resource child = ((Clone) clone.config).child();
        Rsc instance = build(child, child.id() + ":" + clone.children.size(), clone, metaChain);
        clone.children.add(instance);
        return instance;
    }

    private static void markRemoved(Rsc instance) {
        instance.orphan = true;
        for (Rsc c : instance.children) markRemoved(c);
    }

    private static String instanceSuffix(String id, String configId) {
        return id.length() > configId.length() ? id.substring(configId.length()) : "";
    }

    private Map<String, String> resolveMeta(List<List<AttributeSet>> chain, Primitive p) {
        Map<String, String> meta = new HashMap<>();
        for (List<AttributeSet> sets : chain) {
            resolver.resolve(sets, Map.of(), p).forEach(meta::putIfAbsent);
        }
        resolver.resolve(config.rscDefaults(), Map.of(), p).forEach(meta::putIfAbsent);
        return meta;
    }

    private void readKnobs(Rsc rsc, Resource r) {
        Map<String, String> m = rsc.meta;
        rsc.priority = Score.parse(m.get("priority"), 0);
        boolean inClone = rsc.parent != null && rsc.top().config.kind() == Resource.Kind.CLONE;
        String stickiness = m.getOrDefault("resource-stickiness", m.get("stickiness"));
        if (stickiness == null) stickiness = legacyStickiness();
        rsc.stickiness = Score.parse(stickiness, inClone ? 1 : 0);
        String threshold = m.get("migration-threshold");
        rsc.migrationThreshold = threshold == null ? Score.INFINITY : Score.parse(threshold, Score.INFINITY);
        rsc.failureTimeoutMs = TimeSpec.parseMillis(m.get("failure-timeout"), 0);
        rsc.targetRole = Role.parse(m.get("target-role")).orElse(Role.UNKNOWN);
        boolean managed = BooleanValue.parse(m.get("is-managed"), true)
                && !BooleanValue.parse(m.get("maintenance"), false)
                && !options.flag(pacer.cib.ClusterOption.MAINTENANCE_MODE);
        rsc.managed = managed;
    }

    private String legacyStickiness() {
        return config.crmConfig().stream().map(s -> s.values().get("default-resource-stickiness"))
                .filter(v -> v != null).findFirst().orElse(null);
    }

    private static int intMeta(Rsc rsc, String name, int fallback) {
        String v = rsc.meta.get(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
