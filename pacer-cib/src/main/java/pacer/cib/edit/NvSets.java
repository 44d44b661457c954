package pacer.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import pacer.cib.xml.XmlElement;

/**
 * Name/value blocks ({@code instance_attributes}, {@code meta_attributes},
 * {@code cluster_property_set}, ...) built and updated with pcs's ids: the block is
 * {@code OWNER-TAG}, each pair {@code BLOCK-NAME}. An empty value removes a pair. Blocks are
 * never removed when they become empty (pcs keeps them too, for ACLs that allow nvpair writes only).
 */
final class NvSets {
    static final String INSTANCE = "instance_attributes";
    static final String META = "meta_attributes";

    private NvSets() {}

    /** A new block under {@code ownerId}, pairs sorted by name as pcs writes them. */
    static XmlElement build(String tag, String ownerId, Map<String, String> pairs, Ids ids) {
        String setId = ids.allocateUnder(ownerId, tag);
        XmlElement set = CibTree.element(tag, "id", setId);
        return update(set, new TreeMap<>(pairs), ids);
    }

    /** The block with pairs set (empty value: removed), new pairs appended in the given order. */
    static XmlElement update(XmlElement set, Map<String, String> pairs, Ids ids) {
        List<XmlElement> children = new ArrayList<>(set.children());
        for (Map.Entry<String, String> p : pairs.entrySet()) {
            String name = p.getKey();
            String value = p.getValue() == null ? "" : p.getValue();
            int at = indexOf(children, name);
            if (at >= 0) {
                if (value.isEmpty()) children.remove(at);
                else children.set(at, children.get(at).withAttribute("value", value));
            } else if (!value.isEmpty()) {
                children.add(CibTree.element("nvpair", "id", ids.allocateUnder(set.id(), name), "name", name,
                        "value", value));
            }
        }
        return set.withChildren(children);
    }

    private static int indexOf(List<XmlElement> nvpairs, String name) {
        for (int i = 0; i < nvpairs.size(); i++) {
            if (nvpairs.get(i).name().equals("nvpair") && name.equals(nvpairs.get(i).attr("name"))) return i;
        }
        return -1;
    }

    /**
     * The owner with pairs set in its first {@code tag} block; a missing block is created as
     * {@code OWNER-TAG} and put first among the owner's children (pcs's arrange_first_nvset).
     */
    static XmlElement updateFirst(XmlElement owner, String tag, Map<String, String> pairs, Ids ids) {
        return updateFirst(owner, tag, pairs, ids, true);
    }

    /** As {@link #updateFirst(XmlElement, String, Map, Ids)}; a missing block goes last unless {@code atStart}. */
    static XmlElement updateFirst(XmlElement owner, String tag, Map<String, String> pairs, Ids ids, boolean atStart) {
        Optional<XmlElement> existing = owner.child(tag);
        if (existing.isPresent()) {
            List<XmlElement> children = new ArrayList<>(owner.children());
            children.set(children.indexOf(existing.get()), update(existing.get(), new TreeMap<>(pairs), ids));
            return owner.withChildren(children);
        }
        if (pairs.values().stream().allMatch(v -> v == null || v.isEmpty())) return owner;
        List<XmlElement> children = new ArrayList<>(owner.children());
        children.add(atStart ? 0 : children.size(), build(tag, owner.id(), pairs, ids));
        return owner.withChildren(children);
    }

    /** The value of {@code name} in the owner's first {@code tag} block. */
    static Optional<String> value(XmlElement owner, String tag, String name) {
        return owner.child(tag).flatMap(set -> set.children("nvpair")
                .filter(p -> name.equals(p.attr("name"))).findFirst()).map(p -> p.attr("value", ""));
    }

    /** The pairs of a block, in document order. */
    static Map<String, String> pairs(XmlElement set) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        set.children("nvpair").forEach(p -> out.put(p.attr("name", ""), p.attr("value", "")));
        return out;
    }
}
