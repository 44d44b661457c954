package pacer.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/** {@code pcs resource clone|promotable ID [CLONE_ID] [meta...]} and {@code pcs resource unclone ID}. */
public final class CloneEdits {
    private CloneEdits() {}

    /** Wraps a primitive or group in {@code <clone id="ID-clone">} (promotable: {@code promotable=true}). */
    public static EditResult clone(Cib cib, String id, CreateRequest.CloneKind kind, Optional<String> cloneId,
                                   Map<String, String> meta, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Optional<XmlElement> rsc = Resources.require(root, id, problems);
        if (rsc.isEmpty()) return problems.failed();
        if (!rsc.get().name().equals("primitive") && !rsc.get().name().equals("group")) {
            problems.error("cannot-clone", id, "'" + id + "' is a " + rsc.get().name() + "; only primitives and groups can be cloned");
        }
        Resources.parent(root, rsc.get()).ifPresent(p -> problems.error("cannot-clone", id, Resources.isClone(p)
                ? "'" + id + "' is already cloned by '" + p.id() + "'"
                : "'" + id + "' is inside " + p.name() + " '" + p.id() + "'; clone the " + p.name() + " instead"));
        cloneId.ifPresent(c -> ResourceCreate.checkId(root, c, "clone id", problems));
        return problems.finish(root, () -> {
            XmlElement clone = ResourceCreate.clone(rsc.get(), kind == CreateRequest.CloneKind.NONE
                    ? CreateRequest.CloneKind.CLONE : kind, cloneId, meta, false, new Ids(root));
            return CibTree.replace(root, rsc.get(), clone);
        });
    }

    /**
     * Replaces a clone (named by its id or its child's) with its child. Constraints naming the
     * clone would name nothing afterwards, so they are removed (each one said).
     */
    public static EditResult unclone(Cib cib, String id, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Optional<XmlElement> rsc = Resources.require(root, id, problems);
        if (rsc.isEmpty()) return problems.failed();
        Optional<XmlElement> clone = Resources.isClone(rsc.get()) ? rsc
                : Resources.parent(root, rsc.get()).filter(Resources::isClone);
        if (clone.isEmpty()) {
            problems.error("not-cloned", id, "'" + id + "' is not a clone resource");
            return problems.failed();
        }
        return problems.finish(root, () -> {
            XmlElement child = clone.get().children().stream().filter(Resources::isResource).findFirst().orElseThrow();
            XmlElement out = Constraints.removeReferences(root, Set.of(clone.get().id()), problems);
            XmlElement current = Resources.find(out, clone.get().id()).orElseThrow();
            // pcs 0.11.5 puts the uncloned resource last among the resources, not where the clone was.
            if (!CibTree.configuration(out).child("resources").map(rs -> rs.children().contains(current)).orElse(false)) {
                return CibTree.replace(out, current, child);
            }
            XmlElement resources = CibTree.section(out, "resources");
            List<XmlElement> children = new ArrayList<>(resources.children());
            children.remove(current);
            children.add(child);
            return CibTree.withSection(out, resources.withChildren(children));
        });
    }
}
