package pacer.cib.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import pacer.cib.BooleanValue;
import pacer.cib.Cib;
import pacer.cib.ClusterOption;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs property set/unset}: cluster options in the first {@code cluster_property_set}
 * (created as {@code cib-bootstrap-options} when missing), nvpair ids
 * {@code cib-bootstrap-options-NAME}. Names are checked against {@link ClusterOption} and the
 * other options Pacemaker knows; values of {@link ClusterOption}s are type-checked. Disabling
 * fencing where nothing else can break a two-node tie warns about split brain.
 */
public final class PropertyEdits {
    /** The default cluster property set's id, as Pacemaker and pcs create it. */
    static final String BOOTSTRAP = "cib-bootstrap-options";

    /** Set by the cluster itself; an administrator cannot set them. */
    static final Set<String> READ_ONLY = Set.of("dc-version", "cluster-infrastructure", "have-watchdog",
            "last-lrm-refresh");

    /** Pacemaker options Pacer accepts and keeps but does not interpret (yet). */
    static final Set<String> OTHER_KNOWN = Set.of("dc-deadtime", "fence-reaction", "election-timeout",
            "shutdown-escalation", "join-integration-timeout", "join-finalization-timeout", "transition-delay",
            "shutdown-lock-limit", "node-pending-timeout", "enable-startup-probes", "stonith-watchdog-timeout",
            "fencing-watchdog-timeout", "stonith-max-attempts", "cluster-delay", "cluster-ipc-limit",
            "remove-after-stop", "pe-error-series-max", "pe-warn-series-max", "pe-input-series-max",
            "node-health-base", "node-health-green", "node-health-yellow", "node-health-red", "load-threshold",
            "node-action-limit", "default-resource-stickiness", "is-managed-default", "default-action-timeout",
            "enable-acl", "fencing-reaction");

    private static final Set<String> SPLIT_BRAIN_RELEVANT = Set.of("stonith-enabled", "fencing-enabled",
            "no-quorum-policy");

    /**
     * What the CIB cannot tell about the cluster: whether a quorum witness (qdevice) breaks ties.
     * Offline edits do not know, and assume there is none.
     */
    public record ClusterFacts(boolean quorumWitness) {
        public static final ClusterFacts UNKNOWN = new ClusterFacts(false);
    }

    private PropertyEdits() {}

    /** Every property name the editor accepts without {@code --force}. */
    public static Set<String> knownNames() {
        Set<String> names = new TreeSet<>(OTHER_KNOWN);
        for (ClusterOption o : ClusterOption.values()) {
            names.add(o.optionName());
            names.addAll(o.aliases());
        }
        return names;
    }

    /** {@code pcs property set NAME=VALUE...}; an empty value removes the property. */
    public static EditResult set(Cib cib, Map<String, String> properties, boolean force, ClusterFacts facts) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        if (properties.isEmpty()) problems.error("missing-argument", "", "no property to set was given");
        Set<String> known = knownNames();
        XmlElement set = propertySet(root);
        Map<String, String> current = NvSets.pairs(set);
        for (Map.Entry<String, String> p : properties.entrySet()) {
            String name = p.getKey();
            String value = p.getValue();
            if (READ_ONLY.contains(name)) {
                problems.error("read-only-property", name, "property '" + name + "' is set by the cluster and cannot be changed");
            } else if (value.isEmpty()) {
                continue;
            } else if (!known.contains(name)) {
                problems.forceable("unknown-property", name, "unknown cluster property '" + name + "'"
                        + Suggest.didYouMean(name, known));
            } else {
                ClusterOption.byName(name).filter(o -> !o.accepts(value)).ifPresent(o -> problems.forceable(
                        "invalid-value", name, "'" + value + "' is not a valid " + name + " value, use " + expected(o)));
            }
        }
        Map<String, String> writes = new LinkedHashMap<>();
        properties.forEach((name, value) -> writes.put(spellingInUse(name, current), value));
        warnSplitBrain(root, current, writes, facts, problems);
        return problems.finish(root, () -> write(root, writes));
    }

    /** {@code pcs property unset NAME...}: removing one that is not set is an error unless forced. */
    public static EditResult unset(Cib cib, List<String> names, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        if (names.isEmpty()) problems.error("missing-argument", "", "no property to unset was given");
        XmlElement set = propertySet(root);
        Map<String, String> current = NvSets.pairs(set);
        Map<String, String> writes = new LinkedHashMap<>();
        for (String name : names) {
            String spelled = spellingInUse(name, current);
            if (READ_ONLY.contains(name)) {
                problems.error("read-only-property", name, "property '" + name + "' is set by the cluster and cannot be removed");
            } else if (!current.containsKey(spelled)) {
                problems.forceable("property-not-set", name, "cannot remove property '" + name
                        + "', it is not present in property set '" + set.id() + "'"
                        + Suggest.didYouMean(name, current.keySet()));
            }
            writes.put(spelled, "");
        }
        return problems.finish(root, () -> write(root, writes));
    }

    /** The first cluster_property_set, or a new, empty {@code cib-bootstrap-options}. */
    private static XmlElement propertySet(XmlElement root) {
        return CibTree.section(root, "crm_config").child("cluster_property_set")
                .orElse(CibTree.element("cluster_property_set", "id", BOOTSTRAP));
    }

    private static XmlElement write(XmlElement root, Map<String, String> writes) {
        Ids ids = new Ids(root);
        XmlElement crm = CibTree.section(root, "crm_config");
        Optional<XmlElement> existing = crm.child("cluster_property_set");
        if (existing.isEmpty() && writes.values().stream().allMatch(String::isEmpty)) return root;
        XmlElement set = existing.orElseGet(() -> CibTree.element("cluster_property_set", "id", ids.allocate(BOOTSTRAP)));
        XmlElement updated = NvSets.update(set, writes, ids);
        if (existing.isPresent()) return CibTree.withSection(root, CibTree.replace(crm, existing.get(), updated));
        List<XmlElement> children = new ArrayList<>(crm.children());
        children.add(0, updated);
        return CibTree.withSection(root, crm.withChildren(children));
    }

    /** A property already set under another name for the same option keeps that name. */
    private static String spellingInUse(String name, Map<String, String> current) {
        if (current.containsKey(name)) return name;
        Optional<ClusterOption> option = ClusterOption.byName(name);
        if (option.isEmpty()) return name;
        List<String> spellings = new ArrayList<>(option.get().aliases());
        spellings.add(option.get().optionName());
        return spellings.stream().filter(current::containsKey).findFirst().orElse(name);
    }

    private static String expected(ClusterOption o) {
        return switch (o.type()) {
            case BOOLEAN -> "a boolean: true, false, yes, no, on, off, 1 or 0";
            case DURATION -> "a time interval such as 30s, 5min or PT1M";
            case INTEGER -> "an integer";
            case ENUM -> String.join(", ", o.allowedValues());
            case STRING -> "any text";
        };
    }

    private static void warnSplitBrain(XmlElement root, Map<String, String> current, Map<String, String> writes,
                                       ClusterFacts facts, Problems problems) {
        if (facts.quorumWitness() || writes.keySet().stream().noneMatch(SPLIT_BRAIN_RELEVANT::contains)) return;
        Map<String, String> after = new LinkedHashMap<>(current);
        writes.forEach((k, v) -> { if (v.isEmpty()) after.remove(k); else after.put(k, v); });
        String fencing = after.getOrDefault("fencing-enabled", after.getOrDefault("stonith-enabled", "true"));
        long members = CibTree.section(root, "nodes").children("node")
                .filter(n -> n.attr("type", "member").equals("member")).count();
        if (BooleanValue.parse(fencing, true) || members > 2) return;
        boolean ignore = "ignore".equals(after.get("no-quorum-policy"));
        problems.warning("split-brain-risk", "no-quorum-policy", "fencing is disabled and no quorum witness is "
                + "configured: if the two nodes of a two-node cluster lose sight of each other, both will run every "
                + "resource (split brain)" + (ignore ? ", and no-quorum-policy=ignore lets the isolated node carry on" : "")
                + ". Add a third vote (a quorum witness: 'pacer qdevice' on a third host) or configure fencing");
    }
}
