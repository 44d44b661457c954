package pacer.cib.edit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import pacer.cib.xml.XmlElement;

/**
 * Finding resources in a CIB tree and saying clearly when one is missing:
 * "resource 'WebServr' does not exist; did you mean 'WebServer'?".
 */
final class Resources {
    static final Set<String> TAGS = Set.of("primitive", "group", "clone", "master", "bundle");

    private Resources() {}

    static boolean isResource(XmlElement e) { return TAGS.contains(e.name()); }

    static boolean isClone(XmlElement e) { return e.name().equals("clone") || e.name().equals("master"); }

    /** Every resource element in the resources section, depth first. */
    static List<XmlElement> all(XmlElement root) {
        return CibTree.section(root, "resources").descendants().filter(Resources::isResource).toList();
    }

    static List<String> ids(XmlElement root) {
        return all(root).stream().map(XmlElement::id).toList();
    }

    static Optional<XmlElement> find(XmlElement root, String id) {
        return all(root).stream().filter(e -> id.equals(e.id())).findFirst();
    }

    /** The resource, or an error naming the closest existing one. */
    static Optional<XmlElement> require(XmlElement root, String id, Problems problems) {
        Optional<XmlElement> found = find(root, id);
        if (found.isEmpty()) {
            problems.error("resource-not-found", id, "resource '" + id + "' does not exist"
                    + Suggest.didYouMean(id, ids(root)));
        }
        return found;
    }

    /** The resource that directly contains {@code rsc} (a group, clone or bundle), if any. */
    static Optional<XmlElement> parent(XmlElement root, XmlElement rsc) {
        return CibTree.parent(CibTree.section(root, "resources"), rsc).filter(Resources::isResource);
    }

    /** The node names the CIB knows ({@code nodes/node/@uname}). */
    static List<String> nodeNames(XmlElement root) {
        return CibTree.section(root, "nodes").children("node").map(n -> n.attr("uname", n.id())).toList();
    }

    /**
     * Checks a node name against the CIB's node list: an unknown node is an error with the closest
     * match unless {@code --force}; when the CIB lists no nodes, there is nothing to check against.
     */
    static void checkNode(XmlElement root, String node, Problems problems) {
        List<String> known = nodeNames(root);
        if (known.isEmpty() || known.contains(node)) return;
        problems.forceable("node-not-found", node, "node '" + node + "' does not appear to exist in configuration"
                + Suggest.didYouMean(node, known));
    }
}
