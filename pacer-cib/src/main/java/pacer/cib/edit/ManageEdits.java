package pacer.cib.edit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs resource unmanage ID...} and {@code pcs resource manage ID...}: the
 * {@code is-managed} meta attribute, on the elements pcs chooses. Unmanaging sets
 * {@code is-managed=false} on the primitives (a group or clone named: all its primitives; a
 * bundle: the bundle and its primitive), so that managing one primitive later never changes
 * another. Managing removes {@code is-managed} from the resource, everything inside it and
 * everything around it, which could otherwise keep it unmanaged.
 */
public final class ManageEdits {
    private static final String IS_MANAGED = "is-managed";

    private ManageEdits() {}

    /** {@code pcs resource unmanage ID...}. */
    public static EditResult unmanage(Cib cib, List<String> ids, boolean force) {
        return edit(cib, ids, force, false);
    }

    /** {@code pcs resource manage ID...}. */
    public static EditResult manage(Cib cib, List<String> ids, boolean force) {
        return edit(cib, ids, force, true);
    }

    private static EditResult edit(Cib cib, List<String> ids, boolean force, boolean manage) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        if (ids.isEmpty()) problems.error("missing-argument", "", "no resource was given");
        Set<String> targets = new LinkedHashSet<>();
        for (String id : ids) {
            Optional<XmlElement> rsc = Resources.require(root, id, problems);
            if (rsc.isEmpty()) continue;
            if (manage) targets.addAll(toManage(root, rsc.get()));
            else targets.addAll(toUnmanage(rsc.get()));
        }
        if (problems.hasErrors()) return problems.failed();
        String value = manage ? "" : "false";
        return problems.finish(root, () -> {
            XmlElement out = root;
            Ids idProvider = new Ids(root);
            for (String id : targets) {
                XmlElement rsc = Resources.find(out, id).orElseThrow();
                if (manage && NvSets.value(rsc, NvSets.META, IS_MANAGED).isEmpty()) continue;
                out = CibTree.replace(out, rsc, NvSets.updateFirst(rsc, NvSets.META, Map.of(IS_MANAGED, value), idProvider));
            }
            return out;
        });
    }

    /** pcs's find_resources_to_unmanage: primitives, plus a bundle itself. */
    private static Set<String> toUnmanage(XmlElement rsc) {
        Set<String> out = new LinkedHashSet<>();
        if (rsc.name().equals("primitive")) out.add(rsc.id());
        if (rsc.name().equals("bundle")) out.add(rsc.id());
        rsc.descendants().filter(e -> e.name().equals("primitive")).forEach(p -> out.add(p.id()));
        return out;
    }

    /** pcs's find_resources_to_manage: the resource, what is inside it, and what it is inside. */
    private static Set<String> toManage(XmlElement root, XmlElement rsc) {
        Set<String> out = new LinkedHashSet<>();
        out.add(rsc.id());
        rsc.descendants().filter(Resources::isResource).forEach(e -> out.add(e.id()));
        Optional<XmlElement> parent = Resources.parent(root, rsc);
        while (parent.isPresent()) {
            out.add(parent.get().id());
            parent = Resources.parent(root, parent.get());
        }
        return out;
    }
}
