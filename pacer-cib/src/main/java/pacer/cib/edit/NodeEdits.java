package pacer.cib.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs node standby|unstandby|maintenance|unmaintenance [--all | NODE...]} and
 * {@code pcs node attribute NODE k=v...}: permanent node attributes in the node's first
 * {@code instance_attributes} (created as {@code nodes-ID}, pairs {@code nodes-ID-NAME}). A node
 * that only the status section knows is added to the nodes section first, as pcs does.
 */
public final class NodeEdits {
    private NodeEdits() {}

    /** {@code node standby} ({@code on}) / {@code unstandby} ({@code off}). */
    public static EditResult standby(Cib cib, List<String> nodes, boolean all, boolean on, boolean force) {
        return attribute(cib, nodes, all, Map.of("standby", on ? "on" : ""), force);
    }

    /** {@code node maintenance} / {@code unmaintenance}. */
    public static EditResult maintenance(Cib cib, List<String> nodes, boolean all, boolean on, boolean force) {
        return attribute(cib, nodes, all, Map.of("maintenance", on ? "on" : ""), force);
    }

    /** Sets (empty value: removes) attributes on each node named, or on every node with {@code all}. */
    public static EditResult attribute(Cib cib, List<String> nodes, boolean all, Map<String, String> attrs, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        List<String> known = new ArrayList<>(Resources.nodeNames(root));
        statusNodes(root).stream().map(s -> s.attr("uname")).filter(u -> u != null && !known.contains(u)).forEach(known::add);
        List<String> targets = all ? known : nodes;
        if (all && !nodes.isEmpty()) problems.error("all-and-nodes", "", "cannot specify both --all and a list of nodes");
        if (targets.isEmpty()) {
            problems.error("missing-node", "", all ? "the CIB lists no nodes"
                    : "offline (-f), name the node(s) or use --all; there is no local node");
        }
        for (String n : targets) {
            if (!known.contains(n)) {
                problems.error("node-not-found", n, "node '" + n + "' does not appear to exist in configuration"
                        + Suggest.didYouMean(n, known));
            }
        }
        if (attrs.isEmpty()) problems.error("missing-argument", "", "no attribute was given");
        return problems.finish(root, () -> {
            Ids ids = new Ids(root);
            XmlElement out = root;
            for (String n : targets) out = setOn(out, n, attrs, ids);
            return out;
        });
    }

    private static XmlElement setOn(XmlElement root, String uname, Map<String, String> attrs, Ids ids) {
        XmlElement nodesSection = CibTree.section(root, "nodes");
        Optional<XmlElement> node = nodesSection.children("node").filter(n -> uname.equals(n.attr("uname"))).findFirst();
        XmlElement element = node.orElseGet(() -> {
            XmlElement state = statusNodes(root).stream().filter(s -> uname.equals(s.attr("uname"))).findFirst().orElseThrow();
            return CibTree.element("node", "id", state.id(), "uname", uname);
        });
        XmlElement updated;
        Optional<XmlElement> set = element.child(NvSets.INSTANCE);
        if (set.isPresent()) {
            updated = CibTree.replace(element, set.get(), NvSets.update(set.get(), new LinkedHashMap<>(attrs), ids));
        } else if (attrs.values().stream().allMatch(String::isEmpty)) {
            updated = element;
        } else {
            XmlElement fresh = NvSets.update(CibTree.element(NvSets.INSTANCE, "id", ids.allocate("nodes-" + element.id())),
                    new LinkedHashMap<>(attrs), ids);
            List<XmlElement> children = new ArrayList<>(element.children());
            children.add(fresh);
            updated = element.withChildren(children);
        }
        if (node.isPresent()) return CibTree.withSection(root, CibTree.replace(nodesSection, node.get(), updated));
        List<XmlElement> children = new ArrayList<>(nodesSection.children());
        children.add(updated);
        return CibTree.withSection(root, nodesSection.withChildren(children));
    }

    private static List<XmlElement> statusNodes(XmlElement root) {
        return root.child("status").map(s -> s.children("node_state").toList()).orElse(List.of());
    }
}
