package pacer.cib.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import pacer.cib.xml.XmlElement;

/**
 * Navigation and structural edits on an immutable CIB tree. Elements are found by identity: an
 * edit finds the element object, then {@link #replace} or {@link #remove} rebuilds the path from
 * the root to it and shares everything else.
 */
final class CibTree {
    /** Configuration sections in the order Pacemaker's schema lists them. */
    static final List<String> SECTIONS = List.of("crm_config", "nodes", "resources", "constraints",
            "fencing-topology", "op_defaults", "rsc_defaults", "acls", "tags", "alerts");

    private CibTree() {}

    /** A new element with attributes given as name, value, name, value, ... (null values skipped). */
    static XmlElement element(String name, String... attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) map.put(attributes[i], attributes[i + 1]);
        }
        return XmlElement.of(name, map, List.of());
    }

    static XmlElement configuration(XmlElement root) {
        return root.child("configuration").orElse(element("configuration"));
    }

    /** A configuration section ({@code resources}, {@code constraints}, ...), empty when absent. */
    static XmlElement section(XmlElement root, String name) {
        return configuration(root).child(name).orElse(element(name));
    }

    /**
     * The root with {@code section} put in place of its namesake; a new one goes last, as pcs
     * puts it (crm_config, nodes, resources and constraints in schema order).
     */
    static XmlElement withSection(XmlElement root, XmlElement section) {
        XmlElement config = configuration(root);
        List<XmlElement> children = new ArrayList<>(config.children());
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).name().equals(section.name())) {
                children.set(i, section);
                return withConfiguration(root, config.withChildren(children));
            }
        }
        // pcs (checked against 0.11.5) appends a section it has to create (op_defaults,
        // rsc_defaults, tags...) at the end, in the order they were created; only the four that
        // every CIB has go in schema order when one is missing.
        int rank = SECTIONS.indexOf(section.name());
        int at = children.size();
        if (rank >= 0 && rank < 4) {
            for (int i = 0; i < children.size(); i++) {
                int other = SECTIONS.indexOf(children.get(i).name());
                if (other > rank || other < 0) {
                    at = i;
                    break;
                }
            }
        }
        children.add(at, section);
        return withConfiguration(root, config.withChildren(children));
    }

    /** Applies {@code change} to a section (created empty when absent). */
    static XmlElement editSection(XmlElement root, String name, UnaryOperator<XmlElement> change) {
        return withSection(root, change.apply(section(root, name)));
    }

    private static XmlElement withConfiguration(XmlElement root, XmlElement config) {
        if (root.child("configuration").isPresent()) return root.withChild(config);
        List<XmlElement> children = new ArrayList<>(root.children());
        children.add(0, config);
        return root.withChildren(children);
    }

    /** The configuration's elements, depth first (status excluded). */
    static Stream<XmlElement> configElements(XmlElement root) {
        return configuration(root).descendants();
    }

    /** The element with this id in the configuration (references such as resource_ref excluded). */
    static Optional<XmlElement> byId(XmlElement root, String id) {
        return configElements(root).filter(e -> id.equals(e.id()) && Ids.definesId(e)).findFirst();
    }

    /** The parent of {@code target} (by identity), if it is in the tree under {@code from}. */
    static Optional<XmlElement> parent(XmlElement from, XmlElement target) {
        for (XmlElement c : from.children()) {
            if (c == target) return Optional.of(from);
            Optional<XmlElement> deeper = parent(c, target);
            if (deeper.isPresent()) return deeper;
        }
        return Optional.empty();
    }

    /** The tree with {@code target} (by identity) replaced by {@code replacement}. */
    static XmlElement replace(XmlElement root, XmlElement target, XmlElement replacement) {
        return rebuild(root, target, List.of(replacement)).orElse(root);
    }

    /** The tree without {@code target} (by identity). */
    static XmlElement remove(XmlElement root, XmlElement target) {
        return rebuild(root, target, List.of()).orElse(root);
    }

    /** The tree with {@code child} appended to {@code parent} (by identity). */
    static XmlElement append(XmlElement root, XmlElement parent, XmlElement child) {
        List<XmlElement> children = new ArrayList<>(parent.children());
        children.add(child);
        return replace(root, parent, parent.withChildren(children));
    }

    private static Optional<XmlElement> rebuild(XmlElement node, XmlElement target, List<XmlElement> with) {
        List<XmlElement> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            XmlElement c = children.get(i);
            if (c == target) {
                List<XmlElement> copy = new ArrayList<>(children.subList(0, i));
                copy.addAll(with);
                copy.addAll(children.subList(i + 1, children.size()));
                return Optional.of(node.withChildren(copy));
            }
            Optional<XmlElement> inner = rebuild(c, target, with);
            if (inner.isPresent()) {
                List<XmlElement> copy = new ArrayList<>(children);
                copy.set(i, inner.get());
                return Optional.of(node.withChildren(copy));
            }
        }
        return Optional.empty();
    }

    /** {@code epoch} + 1 and {@code num_updates} = 0: a configuration change. */
    static XmlElement bumpEpoch(XmlElement root) {
        long epoch;
        try {
            epoch = Long.parseLong(root.attr("epoch", "0").trim());
        } catch (NumberFormatException e) {
            epoch = 0;
        }
        return root.withAttribute("epoch", Long.toString(epoch + 1)).withAttribute("num_updates", "0");
    }
}
