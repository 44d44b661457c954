package pacer.cib.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs resource group add G R...} and {@code pcs resource group remove G [R...]} (also
 * {@code ungroup}). A group left empty is removed together with the constraints that name it.
 */
public final class GroupEdits {
    private GroupEdits() {}

    /** {@code group add G R... [--before R | --after R]}: creates G when needed, moves the resources in. */
    public static EditResult add(Cib cib, String groupId, List<String> ids, Optional<String> before,
                                 Optional<String> after, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        if (ids.isEmpty()) problems.error("missing-argument", groupId, "no resource to add to group '" + groupId + "' was given");
        Optional<XmlElement> group = CibTree.byId(root, groupId);
        if (group.isPresent() && !group.get().name().equals("group")) {
            problems.error("not-a-group", groupId, "'" + groupId + "' is not a group");
        } else if (group.isEmpty()) {
            ResourceCreate.checkId(root, groupId, "group name", problems);
        }
        if (new HashSet<>(ids).size() != ids.size()) problems.error("duplicate-resource", groupId, "a resource is listed twice");
        for (String id : ids) {
            Optional<XmlElement> rsc = Resources.require(root, id, problems);
            if (rsc.isEmpty()) continue;
            if (!rsc.get().name().equals("primitive")) {
                problems.error("not-a-primitive", id, "'" + id + "' is a " + rsc.get().name()
                        + " resource; only primitives can be put into a group");
            }
            Resources.parent(root, rsc.get()).filter(p -> !p.name().equals("group")).ifPresent(p -> problems.error(
                    "in-" + p.name(), id, "'" + id + "' is inside " + p.name() + " '" + p.id() + "'; it cannot be put into a group"));
        }
        for (Optional<String> adjacent : List.of(before, after)) {
            if (adjacent.isEmpty()) continue;
            boolean member = group.map(g -> g.children("primitive").anyMatch(c -> adjacent.get().equals(c.id()))).orElse(false);
            if (!member || ids.contains(adjacent.get())) {
                problems.error("not-in-group", adjacent.get(), "there is no resource '" + adjacent.get()
                        + "' in the group '" + groupId + "' to put the resources next to");
            }
        }
        if (before.isPresent() && after.isPresent()) problems.error("before-and-after", groupId, "you cannot specify both --before and --after");
        return problems.finish(root, () -> {
            List<XmlElement> moving = ids.stream().map(id -> Resources.find(root, id).orElseThrow()).toList();
            XmlElement out = root;
            for (XmlElement m : moving) out = CibTree.remove(out, m);
            Optional<XmlElement> target = CibTree.byId(out, groupId);
            if (target.isPresent()) {
                out = CibTree.replace(out, target.get(), insert(target.get(), moving, before, after));
            } else {
                XmlElement fresh = XmlElement.of("group", Map.of("id", groupId), moving);
                out = CibTree.editSection(out, "resources", s -> withAppended(s, fresh));
            }
            return removeEmptyGroups(out, problems);
        });
    }

    /** The group with {@code members} placed before or after a member, or at the end. */
    static XmlElement insert(XmlElement group, List<XmlElement> members, Optional<String> before, Optional<String> after) {
        List<XmlElement> children = new ArrayList<>(group.children());
        int at = children.size();
        for (int i = 0; i < children.size(); i++) {
            String id = children.get(i).id();
            if (before.isPresent() && before.get().equals(id)) at = i;
            if (after.isPresent() && after.get().equals(id)) at = i + 1;
        }
        if (before.isEmpty() && after.isEmpty()) {
            for (int i = 0; i < children.size(); i++) if (Resources.isResource(children.get(i))) at = i + 1;
        }
        children.addAll(at, members);
        return group.withChildren(children);
    }

    /**
     * {@code group remove G [R...]} / {@code ungroup G [R...]}: the resources leave the group and
     * follow it at the top level; without resources, all of them leave and the group is removed.
     */
    public static EditResult remove(Cib cib, String groupId, List<String> ids, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Optional<XmlElement> group = CibTree.byId(root, groupId).filter(g -> g.name().equals("group"));
        if (group.isEmpty()) {
            problems.error("group-not-found", groupId, "group '" + groupId + "' does not exist"
                    + Suggest.didYouMean(groupId, Resources.all(root).stream().filter(e -> e.name().equals("group"))
                    .map(XmlElement::id).toList()));
            return problems.failed();
        }
        List<String> members = group.get().children("primitive").map(XmlElement::id).toList();
        List<String> leaving = ids.isEmpty() ? members : ids;
        for (String id : leaving) {
            if (!members.contains(id)) {
                problems.error("not-in-group", id, "resource '" + id + "' is not in group '" + groupId + "'"
                        + Suggest.didYouMean(id, members));
            }
        }
        boolean cloned = Resources.parent(root, group.get()).isPresent();
        if (cloned && new LinkedHashSet<>(leaving).containsAll(members)) {
            problems.error("cloned-group", groupId, "cannot remove all resources from a cloned group");
        }
        if (cloned && !problems.hasErrors()) {
            problems.error("cloned-group", groupId, "resources of a cloned group cannot be moved out of the clone;"
                    + " unclone the group first");
        }
        return problems.finish(root, () -> {
            XmlElement g = group.get();
            List<XmlElement> out = g.children().stream().filter(c -> leaving.contains(c.id())).toList();
            XmlElement kept = g.withoutChildren(c -> leaving.contains(c.id()));
            XmlElement resources = CibTree.section(root, "resources");
            List<XmlElement> top = new ArrayList<>(resources.children());
            int at = top.indexOf(g);
            top.set(at, kept);
            top.addAll(at + 1, out);
            return removeEmptyGroups(CibTree.withSection(root, resources.withChildren(top)), problems);
        });
    }

    /** Removes groups without members, and the constraints naming them. */
    static XmlElement removeEmptyGroups(XmlElement root, Problems problems) {
        Set<String> empty = new LinkedHashSet<>();
        Resources.all(root).stream().filter(e -> e.name().equals("group"))
                .filter(g -> g.children().stream().noneMatch(Resources::isResource)).forEach(g -> empty.add(g.id()));
        if (empty.isEmpty()) return root;
        XmlElement out = Constraints.removeReferences(root, empty, problems);
        for (String id : empty) {
            out = CibTree.remove(out, Resources.find(out, id).orElseThrow());
            problems.info("Removing group '" + id + "', which has no resources left");
        }
        return out;
    }

    private static XmlElement withAppended(XmlElement parent, XmlElement child) {
        List<XmlElement> children = new ArrayList<>(parent.children());
        children.add(child);
        return parent.withChildren(children);
    }
}
