package pacer.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.AttributeSet;
import pacer.cib.Cib;
import pacer.cib.Group;
import pacer.cib.Node;
import pacer.cib.NodeState;
import pacer.cib.Operation;
import pacer.cib.Primitive;
import pacer.cib.Resource;

/**
 * Finds the nodes that resources define: a Pacemaker Remote node for each
 * {@code ocf:pacemaker:remote} primitive (named by the primitive's id), and a guest node for each
 * primitive with the {@code remote-node} meta-attribute (named by its value, living inside that
 * primitive, reached through an implicit connection primitive of the same name). Runs after the
 * cluster nodes are unpacked and before the resources are, so that clone sizes count these nodes.
 */
final class RemoteNodes {
    private final Cib cib;
    private final AttributeResolver attributes;
    private final List<NodeView> nodes;
    /** The implicit connection primitives of guest nodes, appended to the resources. */
    final List<Primitive> implicitConnections = new ArrayList<>();

    RemoteNodes(Cib cib, AttributeResolver attributes, List<NodeView> nodes) {
        this.cib = cib;
        this.attributes = attributes;
        this.nodes = nodes;
    }

    /** Adds a node view for every remote and guest node the resources define. */
    void discover() {
        for (Resource r : cib.configuration().resources()) {
            if (r instanceof Primitive p) primitive(p);
            if (r instanceof Group g) g.members().forEach(this::primitive);
        }
    }

    /** Whether a primitive is a Pacemaker Remote connection. */
    static boolean isConnection(Primitive p) {
        return "ocf".equals(p.standard()) && p.provider().orElse("").equals("pacemaker") && "remote".equals(p.type());
    }

    private void primitive(Primitive p) {
        if (isConnection(p)) {
            add(p.id(), p.id(), null);
            return;
        }
        Map<String, String> meta = attributes.resolve(p.meta(), Map.of(), p);
        String guest = meta.get("remote-node");
        if (guest == null || guest.isEmpty() || guest.equals(p.id())) return;
        add(guest, guest, p.id());
        implicitConnections.add(connection(guest, p.id(), meta));
    }

    /** The ocf:pacemaker:remote primitive Pacemaker creates for a guest node. */
    private static Primitive connection(String name, String container, Map<String, String> containerMeta) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("internal_rsc", "true");
        meta.put("container", container);
        if (containerMeta.containsKey("is-managed")) meta.put("is-managed", containerMeta.get("is-managed"));
        if (containerMeta.containsKey("remote-allow-migrate")) {
            meta.put("allow-migrate", containerMeta.get("remote-allow-migrate"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (containerMeta.containsKey("remote-addr")) params.put("addr", containerMeta.get("remote-addr"));
        if (containerMeta.containsKey("remote-port")) params.put("port", containerMeta.get("remote-port"));
        List<Operation> ops = List.of();
        return new Primitive(name, "ocf", Optional.of("pacemaker"), "remote", Optional.empty(),
                List.of(AttributeSet.of(name + "-meta_attributes", "meta_attributes", meta)),
                params.isEmpty() ? List.of()
                        : List.of(AttributeSet.of(name + "-instance_attributes", "instance_attributes", params)),
                List.of(), ops, 0);
    }

    /** Adds (or completes) the view of a remote or guest node. */
    NodeView add(String name, String connection, String container) {
        for (NodeView n : nodes) if (n.name.equals(name) || n.id.equals(name)) return n;
        Node configured = cib.configuration().nodes().stream()
                .filter(n -> n.id().equals(name) || n.uname().equals(name)).findFirst().orElse(null);
        NodeView v = new NodeView(name, name, "remote", configured == null ? 0 : configured.score());
        v.connectionId = connection;
        v.containerId = container;
        v.attributes.put("#uname", name);
        v.attributes.put("#id", name);
        v.attributes.put("#kind", container == null ? "remote" : "container");
        v.attributes.put("#is_dc", "false");
        if (configured != null) {
            v.attributes.putAll(attributes.resolve(configured.attributes(), v.attributes, null));
            attributes.resolve(configured.utilization(), v.attributes, null).forEach((k, val) ->
                    v.capacity.put(k, pacer.cib.Score.parse(val, 0)));
        }
        for (NodeState s : cib.status().nodes()) {
            if (s.id().equals(name) || s.uname().equals(name)) v.attributes.putAll(s.transientAttributes());
        }
        v.standby = pacer.cib.BooleanValue.parse(v.attributes.get("standby"), false);
        v.maintenance = pacer.cib.BooleanValue.parse(v.attributes.get("maintenance"), false);
        nodes.add(v);
        return v;
    }
}
