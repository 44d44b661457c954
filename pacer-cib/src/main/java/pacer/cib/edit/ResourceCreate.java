package pacer.cib.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs resource create}: a primitive with pcs's ids ({@code ID-instance_attributes},
 * {@code ID-instance_attributes-NAME}, {@code ID-monitor-interval-20s}), the agent's default
 * operations, optionally disabled, put in a group or wrapped in a clone. Parameters are checked
 * against the agent's meta-data: an unknown or missing required one is an error naming it (with
 * the closest match) unless forced.
 */
public final class ResourceCreate {
    private final Agents agents;

    /** @param source where agent meta-data comes from (installed agents, or a test double) */
    public ResourceCreate(AgentMetadataSource source) {
        this.agents = new Agents(source);
    }

    public EditResult create(Cib cib, CreateRequest request, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        checkId(root, request.id(), "resource name", problems);
        Optional<AgentMetadata> md = agents.resolve(request.agent(), problems).flatMap(a -> agents.metadata(a, problems));
        if (md.isEmpty()) return problems.failed();
        AgentMetadata agent = md.get();
        Operations.validate(request.operations(), agent.actions().stream().map(AgentMetadata.Action::name).toList(),
                root, problems);
        Agents.checkParameters(agent, request.instance(), true, problems);
        checkPlacement(root, request, problems);
        if (problems.hasErrors()) return problems.failed();
        List<OperationSpec> ops = Operations.complete(request.operations(), agent, request.noDefaultOps());
        return problems.finish(root, () -> place(root, request, primitive(request, agent.name(), ops, root)));
    }

    static void checkId(XmlElement root, String id, String what, Problems problems) {
        Optional<String> invalid = Ids.invalidReason(id, what);
        if (invalid.isPresent()) problems.error("invalid-id", id, invalid.get());
        else if (CibTree.byId(root, id).isPresent()) problems.error("id-exists", id, "'" + id + "' already exists");
    }

    private static void checkPlacement(XmlElement root, CreateRequest r, Problems problems) {
        if (r.group().isPresent() && r.cloneKind() != CreateRequest.CloneKind.NONE) {
            problems.error("group-and-clone", r.id(), "you can specify only one of clone, promotable, bundle or --group");
        }
        r.cloneId().ifPresent(c -> checkId(root, c, "clone id", problems));
        if (r.group().isEmpty()) {
            if (r.before().isPresent() || r.after().isPresent()) {
                problems.error("missing-group", r.id(), "you cannot use --before or --after without --group");
            }
            return;
        }
        String g = r.group().get();
        Optional<XmlElement> existing = CibTree.byId(root, g);
        if (existing.isEmpty()) {
            checkId(root, g, "group name", problems);
            if (r.before().isPresent() || r.after().isPresent()) {
                problems.error("group-not-found", g, "group '" + g + "' does not exist, so --before/--after cannot be used"
                        + Suggest.didYouMean(g, Resources.ids(root)));
            }
        } else if (!existing.get().name().equals("group")) {
            problems.error("not-a-group", g, "'" + g + "' is not a group");
        } else {
            List<String> members = existing.get().children("primitive").map(XmlElement::id).toList();
            for (Optional<String> adjacent : List.of(r.before(), r.after())) {
                adjacent.filter(a -> !members.contains(a)).ifPresent(a -> problems.error("not-in-group", a,
                        "there is no resource '" + a + "' in the group '" + g + "'" + Suggest.didYouMean(a, members)));
            }
        }
        if (r.before().isPresent() && r.after().isPresent()) {
            problems.error("before-and-after", r.id(), "you cannot specify both --before and --after");
        }
    }

    private static XmlElement primitive(CreateRequest r, AgentName agent, List<OperationSpec> ops, XmlElement root) {
        Ids ids = new Ids(root);
        ids.book(r.id());
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("id", r.id());
        attrs.put("class", agent.standard());
        agent.provider().ifPresent(p -> attrs.put("provider", p));
        attrs.put("type", agent.type());
        List<XmlElement> children = new ArrayList<>();
        Map<String, String> instance = nonEmpty(r.instance());
        if (!instance.isEmpty()) children.add(NvSets.build(NvSets.INSTANCE, r.id(), instance, ids));
        Map<String, String> meta = nonEmpty(r.meta());
        if (!meta.isEmpty()) children.add(NvSets.build(NvSets.META, r.id(), meta, ids));
        children.add(Operations.element(r.id(), ops, ids));
        XmlElement primitive = XmlElement.of("primitive", attrs, children);
        if (r.disabled() && r.cloneKind() == CreateRequest.CloneKind.NONE) {
            primitive = NvSets.updateFirst(primitive, NvSets.META, Map.of("target-role", "Stopped"), ids);
        }
        if (r.cloneKind() == CreateRequest.CloneKind.NONE) return primitive;
        return clone(primitive, r.cloneKind(), r.cloneId(), r.cloneMeta(), r.disabled(), ids);
    }

    /** {@code <clone id="ID-clone">} around {@code child}; promotable adds {@code promotable=true}. */
    static XmlElement clone(XmlElement child, CreateRequest.CloneKind kind, Optional<String> cloneId,
                            Map<String, String> meta, boolean disabled, Ids ids) {
        String id = cloneId.orElseGet(() -> ids.allocate(child.id() + "-clone"));
        cloneId.ifPresent(ids::book);
        Map<String, String> options = new LinkedHashMap<>(nonEmpty(meta));
        if (kind == CreateRequest.CloneKind.PROMOTABLE) options.put("promotable", "true");
        XmlElement clone = XmlElement.of("clone", Map.of("id", id), List.of(child));
        if (!options.isEmpty()) clone = clone.withChildren(List.of(child, NvSets.build(NvSets.META, id, options, ids)));
        if (disabled) clone = NvSets.updateFirst(clone, NvSets.META, Map.of("target-role", "Stopped"), ids);
        return clone;
    }

    private static Map<String, String> nonEmpty(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> { if (v != null && !v.isEmpty()) out.put(k, v); });
        return out;
    }

    /** Appends the new resource to the resources section, or into its group at the asked position. */
    private static XmlElement place(XmlElement root, CreateRequest r, XmlElement resource) {
        if (r.group().isEmpty()) return CibTree.editSection(root, "resources", s -> append(s, resource));
        Optional<XmlElement> group = CibTree.byId(root, r.group().get());
        if (group.isEmpty()) {
            XmlElement fresh = XmlElement.of("group", Map.of("id", r.group().get()), List.of(resource));
            return CibTree.editSection(root, "resources", s -> append(s, fresh));
        }
        return CibTree.replace(root, group.get(), GroupEdits.insert(group.get(), List.of(resource), r.before(), r.after()));
    }

    private static XmlElement append(XmlElement parent, XmlElement child) {
        List<XmlElement> children = new ArrayList<>(parent.children());
        children.add(child);
        return parent.withChildren(children);
    }
}
