package pacer.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.TimeSpec;
import pacer.cib.xml.XmlElement;

/** {@code pcs resource op add} and {@code pcs resource op remove|delete}. */
public final class OperationEdits {
    private OperationEdits() {}

    /**
     * {@code pcs resource op add ID NAME [k=v...]}: a new operation; one with the same name and
     * interval is an error (give another interval) unless forced.
     */
    public static EditResult add(Cib cib, String id, OperationSpec op, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Optional<XmlElement> rsc = Resources.require(root, id, problems);
        if (rsc.isEmpty()) return problems.failed();
        if (!rsc.get().name().equals("primitive")) {
            problems.error("not-a-primitive", id, "'" + id + "' is a " + rsc.get().name() + "; operations belong to primitives");
            return problems.failed();
        }
        Operations.validate(List.of(op), List.of(), root, problems);
        String interval = op.option("interval").orElse(Operations.defaultInterval(op.name()));
        long ms = TimeSpec.parseMillis(interval, -1);
        // As pcs 0.11.5: the same action at the same interval twice is never allowed (Pacemaker
        // could not tell the two apart); another of an action the resource already has needs --force.
        List<XmlElement> sameName = ops(rsc.get()).stream().filter(o -> op.name().equals(o.attr("name"))).toList();
        Optional<XmlElement> sameInterval = sameName.stream()
                .filter(o -> TimeSpec.parseMillis(o.attr("interval", "0"), -2) == ms).findFirst();
        if (sameInterval.isPresent()) {
            problems.error("duplicate-operation", sameInterval.get().id(), "operation " + op.name() + " with interval "
                    + interval + " already specified for " + id + ": " + sameInterval.get().id()
                    + "; change that one with 'pcs resource update " + id + " op " + op.name() + " ...' instead");
        } else if (!sameName.isEmpty()) {
            problems.forceable("duplicate-operation", sameName.get(0).id(), "operation " + op.name()
                    + " already specified for " + id + ": " + sameName.get(0).id()
                    + "; to add another " + op.name() + " with a different interval");
        }
        return problems.finish(root, () -> {
            Ids ids = new Ids(root);
            XmlElement operations = rsc.get().child("operations").orElse(CibTree.element("operations"));
            List<XmlElement> list = new ArrayList<>(operations.children());
            list.add(Operations.op(id, op, ids));
            return CibTree.replace(root, rsc.get(), rsc.get().withChild(operations.withChildren(list)));
        });
    }

    /** {@code pcs resource op delete OP_ID}: the operation with that id. */
    public static EditResult removeById(Cib cib, String opId, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        List<XmlElement> all = CibTree.configElements(root).filter(e -> e.name().equals("op")).toList();
        Optional<XmlElement> op = all.stream().filter(o -> opId.equals(o.id())).findFirst();
        if (op.isEmpty()) {
            problems.error("operation-not-found", opId, "unable to find operation id: " + opId
                    + Suggest.didYouMean(opId, all.stream().map(XmlElement::id).toList()));
            return problems.failed();
        }
        return problems.finish(root, () -> withoutOps(root, List.of(op.get())));
    }

    /**
     * {@code pcs resource op delete ID NAME [k=v...]}: the resource's operations of that name
     * whose attributes match every {@code k=v} given.
     */
    public static EditResult remove(Cib cib, String id, String name, Map<String, String> match, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Optional<XmlElement> rsc = Resources.require(root, id, problems);
        if (rsc.isEmpty()) return problems.failed();
        List<XmlElement> doomed = ops(rsc.get()).stream().filter(o -> name.equals(o.attr("name"))
                && match.entrySet().stream().allMatch(m -> m.getValue().equals(o.attr(m.getKey())))).toList();
        if (doomed.isEmpty()) {
            StringBuilder what = new StringBuilder(name);
            match.forEach((k, v) -> what.append(' ').append(k).append('=').append(v));
            problems.error("operation-not-found", id, "unable to find operation matching: " + what
                    + Suggest.didYouMean(name, ops(rsc.get()).stream().map(o -> o.attr("name", "")).distinct().toList()));
            return problems.failed();
        }
        return problems.finish(root, () -> withoutOps(root, doomed));
    }

    private static List<XmlElement> ops(XmlElement primitive) {
        return primitive.child("operations").map(o -> o.children("op").toList()).orElse(List.of());
    }

    /** The tree without these ops; an {@code operations} element left empty goes too. */
    private static XmlElement withoutOps(XmlElement root, List<XmlElement> doomed) {
        XmlElement out = root;
        for (XmlElement op : doomed) {
            XmlElement operations = CibTree.parent(out, op).orElseThrow();
            XmlElement pruned = operations.withoutChildren(c -> c == op);
            out = pruned.children().isEmpty() ? CibTree.remove(out, operations) : CibTree.replace(out, operations, pruned);
        }
        return out;
    }

    /**
     * The primitive with {@code op} in place of its first operation of the same name and role
     * (appended when there is none), as {@code pcs resource update ... op} does.
     */
    static XmlElement replaceOp(XmlElement primitive, OperationSpec op, Ids ids) {
        XmlElement operations = primitive.child("operations").orElse(CibTree.element("operations"));
        List<XmlElement> list = new ArrayList<>(operations.children());
        String role = op.option("role").orElse("");
        int at = -1;
        for (int i = 0; i < list.size() && at < 0; i++) {
            XmlElement o = list.get(i);
            if (op.name().equals(o.attr("name")) && role.equalsIgnoreCase(o.attr("role", ""))) at = i;
        }
        if (at >= 0) ids.release(list.remove(at).id());
        XmlElement fresh = Operations.op(primitive.id(), op, ids);
        list.add(at >= 0 ? at : list.size(), fresh);
        return primitive.withChild(operations.withChildren(list));
    }
}
