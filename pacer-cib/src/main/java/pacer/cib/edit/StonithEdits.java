package pacer.cib.edit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs stonith create|update|delete}: fence devices are primitives of class
 * {@code stonith}, so these are {@link ResourceCreate} and {@link ResourceEdits} with pcs's
 * stonith checks around them: the agent is a bare fence agent name ({@code fence_xvm}), checked
 * against the agent's meta-data (parameters {@code pcmk_*} are Pacemaker's own and always
 * allowed), only a monitor operation by default; and update/delete refuse a resource that is not
 * a fence device, pointing at {@code pcs resource}.
 */
public final class StonithEdits {
    private final AgentMetadataSource source;

    /** @param source where fence agents' meta-data comes from */
    public StonithEdits(AgentMetadataSource source) {
        this.source = source;
    }

    /**
     * {@code pcs stonith create ID AGENT [k=v...] [op ...] [meta ...] [--disabled]}.
     *
     * @param agent as typed: {@code fence_xvm}, or {@code stonith:fence_xvm}
     */
    public EditResult create(Cib cib, String id, String agent, Map<String, String> instance, List<OperationSpec> ops,
                             Map<String, String> meta, boolean disabled, boolean force) {
        String type = agent.startsWith("stonith:") ? agent.substring("stonith:".length()) : agent;
        if (type.isEmpty() || type.contains(":")) {
            Problems problems = new Problems(force);
            problems.error("invalid-stonith-agent", agent, "invalid stonith agent name '" + agent + "'. Agent name"
                    + " cannot contain the ':' character, do not use the 'stonith:' prefix. List of agents can be"
                    + " obtained by using command 'pcs stonith list'");
            return problems.failed();
        }
        CreateRequest request = CreateRequest.of(id, "stonith:" + type, instance, ops).withMeta(meta)
                .withDisabled(disabled);
        return new ResourceCreate(source).create(cib, request, force);
    }

    /** {@code pcs stonith update ID [k=v...] [op ...] [meta ...]}. */
    public EditResult update(Cib cib, String id, Map<String, String> instance, List<OperationSpec> ops,
                             Map<String, String> meta, boolean force) {
        Optional<EditResult> refused = refuseNonStonith(cib, id, "update", force);
        return refused.orElseGet(() -> new ResourceEdits(source).update(cib, id, instance, ops, meta, force));
    }

    /** {@code pcs stonith delete|remove ID}: the device and the constraints that name it. */
    public EditResult delete(Cib cib, String id, boolean force) {
        Optional<EditResult> refused = refuseNonStonith(cib, id, "delete", force);
        return refused.orElseGet(() -> new ResourceEdits(source).delete(cib, id, force));
    }

    /** {@code pcs stonith enable|disable ID...}. */
    public EditResult setEnabled(Cib cib, List<String> ids, boolean enabled, boolean force) {
        for (String id : ids) {
            Optional<EditResult> refused = refuseNonStonith(cib, id, enabled ? "enable" : "disable", force);
            if (refused.isPresent()) return refused.get();
        }
        ResourceEdits edits = new ResourceEdits(source);
        return enabled ? edits.enable(cib, ids, force) : edits.disable(cib, ids, force);
    }

    /** Whether the element is a fence device: a primitive of class stonith. */
    public static boolean isStonith(XmlElement e) {
        return e.name().equals("primitive") && "stonith".equals(e.attr("class"));
    }

    /** The fence devices of the CIB, in document order. */
    public static List<XmlElement> devices(XmlElement cibRoot) {
        return Resources.all(cibRoot).stream().filter(StonithEdits::isStonith).toList();
    }

    private static Optional<EditResult> refuseNonStonith(Cib cib, String id, String verb, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Optional<XmlElement> found = Resources.find(root, id);
        if (found.isEmpty()) {
            problems.error("stonith-not-found", id, "stonith resource '" + id + "' does not exist"
                    + Suggest.didYouMean(id, devices(root).stream().map(XmlElement::id).toList()));
        } else if (!isStonith(found.get())) {
            problems.error("not-stonith", id, "'" + id + "' is not a stonith resource, use 'pcs resource " + verb
                    + "' for it");
        }
        return problems.hasErrors() ? Optional.of(problems.failed()) : Optional.empty();
    }
}
