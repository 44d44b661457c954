package pacer.cib.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs resource delete/update/meta/enable/disable}: changes to existing resources. Operation
 * changes live in {@link OperationEdits}, groups and clones in {@link GroupEdits} and
 * {@link CloneEdits}.
 */
public final class ResourceEdits {
    private final Agents agents;

    /** @param source agent meta-data, to check the parameters {@code update} sets */
    public ResourceEdits(AgentMetadataSource source) {
        this.agents = new Agents(source);
    }

    /**
     * {@code pcs resource delete ID}: the resource and the constraints that name it; a group or
     * clone left empty goes too.
     */
    public EditResult delete(Cib cib, String id, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Optional<XmlElement> rsc = Resources.require(root, id, problems);
        if (rsc.isEmpty()) return problems.failed();
        return problems.finish(root, () -> {
            XmlElement doomed = outermostEmptied(root, rsc.get());
            Set<String> ids = new HashSet<>();
            ids.add(doomed.id());
            doomed.descendants().filter(Resources::isResource).forEach(e -> ids.add(e.id()));
            XmlElement out = Constraints.removeReferences(root, ids, problems);
            out = CibTree.remove(out, Resources.find(out, doomed.id()).orElseThrow());
            problems.info(doomed == rsc.get() ? "Deleting Resource - " + id
                    : "Deleting Resource (and " + doomed.name() + ") - " + id);
            return out;
        });
    }

    /** The element to remove with {@code rsc}: its clone, or a group that would be left empty. */
    static XmlElement outermostEmptied(XmlElement root, XmlElement rsc) {
        XmlElement current = rsc;
        while (true) {
            Optional<XmlElement> parent = Resources.parent(root, current);
            if (parent.isEmpty()) return current;
            XmlElement p = parent.get();
            boolean onlyChild = p.children().stream().filter(Resources::isResource).count() == 1;
            if (Resources.isClone(p) || (p.name().equals("group") && onlyChild)) current = p;
            else return current;
        }
    }

    /**
     * {@code pcs resource update ID [k=v...] [op NAME k=v...]... [meta k=v...]}: parameters are
     * checked against the agent; each op replaces the first existing op of that name and role.
     * On a clone, bare {@code k=v} are clone meta attributes, as pcs treats them.
     */
    public EditResult update(Cib cib, String id, Map<String, String> instance, List<OperationSpec> ops,
                             Map<String, String> meta, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Optional<XmlElement> found = Resources.require(root, id, problems);
        if (found.isEmpty()) return problems.failed();
        XmlElement rsc = found.get();
        Map<String, String> metaAll = new LinkedHashMap<>(meta);
        Map<String, String> params = new LinkedHashMap<>(instance);
        if (Resources.isClone(rsc)) {
            metaAll.putAll(params);
            params.clear();
        } else if (!rsc.name().equals("primitive") && (!params.isEmpty() || !ops.isEmpty())) {
            problems.error("not-a-primitive", id, "'" + id + "' is a " + rsc.name()
                    + "; only meta attributes can be updated (use 'meta k=v')");
        }
        List<String> actions = List.of();
        if (rsc.name().equals("primitive") && (!params.isEmpty() || !ops.isEmpty())) {
            Optional<AgentMetadata> md = metadataOf(rsc, problems);
            md.ifPresent(m -> Agents.checkParameters(m, params, false, problems));
            actions = md.map(m -> m.actions().stream().map(AgentMetadata.Action::name).toList()).orElse(List.of());
        }
        Operations.validate(ops, actions, root, problems);
        return problems.finish(root, () -> {
            Ids ids = new Ids(root);
            XmlElement updated = rsc;
            if (!params.isEmpty()) updated = NvSets.updateFirst(updated, NvSets.INSTANCE, params, ids, false);
            if (!metaAll.isEmpty()) updated = NvSets.updateFirst(updated, NvSets.META, metaAll, ids, false);
            for (OperationSpec op : ops) updated = OperationEdits.replaceOp(updated, op, ids);
            return CibTree.replace(root, rsc, updated);
        });
    }

    private Optional<AgentMetadata> metadataOf(XmlElement primitive, Problems problems) {
        AgentName name = AgentName.of(primitive.attr("class", ""), primitive.attr("provider"), primitive.attr("type", ""));
        Problems probe = new Problems(true);
        Optional<AgentMetadata> md = agents.metadata(name, probe);
        if (md.isEmpty() || (md.get().parameters().isEmpty() && md.get().actions().isEmpty())) {
            problems.warning("agent-metadata-unavailable", name.full(), "agent '" + name.full()
                    + "' is not installed or does not provide valid metadata; its options are not checked");
            return Optional.empty();
        }
        return md;
    }

    /** {@code pcs resource meta ID k=v...}: an empty value removes the attribute. */
    public EditResult meta(Cib cib, String id, Map<String, String> meta, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Optional<XmlElement> rsc = Resources.require(root, id, problems);
        if (meta.isEmpty()) problems.error("missing-argument", id, "no meta attribute to set was given");
        if (problems.hasErrors()) return problems.failed();
        return problems.finish(root, () -> CibTree.replace(root, rsc.get(),
                NvSets.updateFirst(rsc.get(), NvSets.META, meta, new Ids(root), false)));
    }

    /** {@code pcs resource disable ID...}: {@code target-role=Stopped} on each. */
    public EditResult disable(Cib cib, List<String> ids, boolean force) {
        return setTargetRole(cib, ids, force, "Stopped");
    }

    /**
     * {@code pcs resource enable ID...}: removes {@code target-role} from each, and from the clone
     * or bundle around it (or the child inside a clone), which would keep it stopped otherwise.
     */
    public EditResult enable(Cib cib, List<String> ids, boolean force) {
        return setTargetRole(cib, ids, force, "");
    }

    private static EditResult setTargetRole(Cib cib, List<String> ids, boolean force, String role) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        if (ids.isEmpty()) problems.error("missing-argument", "", "no resource was given");
        List<String> targets = new ArrayList<>();
        for (String id : ids) {
            Optional<XmlElement> rsc = Resources.require(root, id, problems);
            if (rsc.isEmpty()) continue;
            targets.add(id);
            if (!role.isEmpty()) continue;
            Resources.parent(root, rsc.get()).filter(p -> Resources.isClone(p) || p.name().equals("bundle"))
                    .ifPresent(p -> targets.add(p.id()));
            if (Resources.isClone(rsc.get())) {
                rsc.get().children().stream().filter(Resources::isResource).forEach(c -> targets.add(c.id()));
            }
        }
        return problems.finish(root, () -> {
            XmlElement out = root;
            Ids idsProvider = new Ids(root);
            for (String id : targets) {
                XmlElement rsc = Resources.find(out, id).orElseThrow();
                out = CibTree.replace(out, rsc, NvSets.updateFirst(rsc, NvSets.META, Map.of("target-role", role), idsProvider));
            }
            return out;
        });
    }
}
