package pacer.cib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.report.Reports;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;

/**
 * Reads a CIB from XML into the typed model. Problems become {@link pacer.cib.report.CibReport}s
 * naming the element and line; only XML that is not well-formed throws
 * ({@link pacer.cib.xml.XmlSyntaxException}). Both dialects are accepted (old {@code master},
 * {@code Master}/{@code Slave}, {@code stonith-enabled}; new {@code promotable},
 * {@code Promoted}/{@code Unpromoted}, {@code fencing-enabled}, timestamp membership flags).
 *
 * <p>One instance serves one parse; it is not shared between threads.
 */
public final class CibParser {
    private final Reports reports = new Reports();
    private final Map<String, XmlElement> ids = new HashMap<>();
    private final Map<String, XmlElement> templates = new HashMap<>();
    private final Map<String, XmlElement> nodeIds = new HashMap<>();

    private CibParser() {}

    /** Parses XML text; {@code source} names it in error messages. */
    public static Cib parse(String xml, String source) {
        return parse(XmlReader.parse(xml, source));
    }

    public static Cib parse(XmlElement root) {
        return new CibParser().read(root);
    }

    private Cib read(XmlElement root) {
        if (!root.name().equals("cib")) {
            reports.error("not-a-cib", root.name(), root.line(),
                    "the root element is <" + root.name() + ">, not <cib>; give a CIB as `pacer cluster cib` prints it");
        }
        XmlElement configuration = root.child("configuration").orElse(XmlElement.of("configuration", Map.of(), List.of()));
        indexIds(configuration);
        CibVersion version = new CibVersion(longAttr(root, "admin_epoch"), longAttr(root, "epoch"), longAttr(root, "num_updates"));
        Configuration config = readConfiguration(configuration);
        new ReferenceCheck(reports).check(config);
        Status status = root.child("status").map(this::readStatus).orElse(Status.EMPTY);
        return new Cib(root, version, root.attributes(), config, status, reports.list());
    }

    private long longAttr(XmlElement e, String name) {
        String v = e.attr(name);
        if (v == null) return 0;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException ex) {
            reports.error("invalid-value", e.name(), e.line(), name + "=\"" + v + "\" is not a whole number; set it to one");
            return 0;
        }
    }

    private void indexIds(XmlElement configuration) {
        configuration.descendants().forEach(e -> {
            String id = e.id();
            // resource_ref and obj_ref name a resource by id; they do not define one.
            if (id == null || e.has("id-ref") || e.name().equals("resource_ref") || e.name().equals("obj_ref")) return;
            if (e.name().equals("template")) templates.put(id, e);
            // Node ids live in their own namespace: a remote node's id is its connection resource's id.
            XmlElement prev = e.name().equals("node") ? nodeIds.putIfAbsent(id, e) : ids.putIfAbsent(id, e);
            if (prev != null && !prev.equals(e)) {
                reports.error("duplicate-id", id, e.line(), "the id is used twice (<" + prev.name() + "> at line "
                        + prev.line() + " and <" + e.name() + ">); every id must be unique: rename one");
            }
        });
    }

    private Configuration readConfiguration(XmlElement c) {
        List<AttributeSet> crmConfig = c.child("crm_config").map(e -> sets(e, "cluster_property_set")).orElse(List.of());
        List<Node> nodes = c.child("nodes").stream().flatMap(n -> n.children("node")).map(this::node).toList();
        List<Resource> resources = new ArrayList<>();
        c.child("resources").ifPresent(rs -> rs.children().forEach(r -> resource(r).ifPresent(resources::add)));
        List<Constraint> constraints = new ArrayList<>();
        ConstraintParser cp = new ConstraintParser(reports, ids);
        c.child("constraints").ifPresent(cs -> cs.children().forEach(x -> cp.parse(x).ifPresent(constraints::add)));
        List<AttributeSet> rscDefaults = c.child("rsc_defaults").map(e -> sets(e, "meta_attributes")).orElse(List.of());
        List<AttributeSet> opDefaults = c.child("op_defaults").map(e -> sets(e, "meta_attributes")).orElse(List.of());
        List<FencingLevel> levels = c.child("fencing-topology").stream().flatMap(t -> t.children("fencing-level"))
                .map(this::fencingLevel).toList();
        List<Tag> tags = c.child("tags").stream().flatMap(t -> t.children("tag"))
                .map(t -> new Tag(t.id(), t.children("obj_ref").map(XmlElement::id).toList(), t.line())).toList();
        return new Configuration(crmConfig, nodes, resources, constraints, rscDefaults, opDefaults, levels, tags);
    }

    private Node node(XmlElement n) {
        String id = n.attr("id", "");
        String uname = n.attr("uname", id);
        if (id.isEmpty()) reports.error("missing-id", uname, n.line(), "node has no id; add id=\"" + uname + "\"");
        int score = Score.parse(n.attr("score"), 0);
        return new Node(id, uname, n.attr("type", "member"), score, sets(n, "instance_attributes"),
                sets(n, "utilization"), n.line());
    }

    private FencingLevel fencingLevel(XmlElement l) {
        int index = 0;
        try {
            index = Integer.parseInt(l.attr("index", "0").trim());
        } catch (NumberFormatException e) {
            reports.error("invalid-value", l.id(), l.line(), "index=\"" + l.attr("index") + "\" is not a number; use 1 to 9");
        }
        List<String> devices = List.of(l.attr("devices", "").split("\\s*,\\s*"));
        return new FencingLevel(l.id(), l.attr("target"), l.attr("target-pattern"), l.attr("target-attribute"),
                l.attr("target-value"), index, devices.stream().filter(d -> !d.isEmpty()).toList(), l.line());
    }

    /** Every child of {@code parent} named {@code kind}, read as an attribute set (id-refs resolved). */
    List<AttributeSet> sets(XmlElement parent, String kind) {
        return parent.children(kind).map(s -> attributeSet(s, kind)).toList();
    }

    private AttributeSet attributeSet(XmlElement s, String kind) {
        XmlElement source = s;
        if (s.has("id-ref")) {
            XmlElement target = ids.get(s.attr("id-ref"));
            if (target == null) {
                reports.error("dangling-reference", s.attr("id-ref"), s.line(),
                        "<" + kind + " id-ref> names an id that does not exist; fix the reference or define it");
            } else {
                source = target;
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (XmlElement p : source.children("nvpair").toList()) {
            XmlElement pair = p.has("id-ref") && ids.containsKey(p.attr("id-ref")) ? ids.get(p.attr("id-ref")) : p;
            String name = pair.attr("name");
            if (name == null) {
                reports.error("missing-attribute", pair.id(), pair.line(), "nvpair has no name; add name=\"...\"");
                continue;
            }
            values.putIfAbsent(name, pair.attr("value", ""));
        }
        String scoreText = source.attr("score");
        int score = Score.parse(scoreText, 0);
        if (scoreText != null && !Score.isValid(scoreText)) {
            reports.error("invalid-score", source.id(), source.line(), "score=\"" + scoreText
                    + "\" is not a score; use an integer, INFINITY or -INFINITY");
        }
        Optional<XmlElement> rule = source.child("rule");
        return new AttributeSet(s.attr("id", source.id()), kind, score, rule, values, s.line());
    }

    private Optional<Resource> resource(XmlElement r) {
        return switch (r.name()) {
            case "primitive" -> Optional.of(primitive(r));
            case "group" -> Optional.of(group(r));
            case "clone" -> clone(r, false);
            case "master" -> clone(r, true);
            case "bundle" -> Optional.of(bundle(r));
            case "template" -> Optional.empty();
            default -> {
                reports.warning("unknown-element", r.name(), r.line(), "unknown resource element <" + r.name()
                        + "> is kept but ignored");
                yield Optional.empty();
            }
        };
    }

    private Primitive primitive(XmlElement p) {
        Optional<String> templateId = Optional.ofNullable(p.attr("template"));
        XmlElement template = templateId.map(templates::get).orElse(null);
        if (templateId.isPresent() && template == null) {
            reports.error("dangling-reference", p.id(), p.line(), "template '" + templateId.get()
                    + "' does not exist; define it or remove template=");
        }
        String standard = p.attr("class", template == null ? null : template.attr("class"));
        String provider = p.attr("provider", template == null ? null : template.attr("provider"));
        String type = p.attr("type", template == null ? null : template.attr("type"));
        if (standard == null || type == null) {
            reports.error("missing-attribute", p.id(), p.line(), "primitive needs class= and type= (for example "
                    + "class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\")");
        }
        if ("ocf".equals(standard) && provider == null) {
            reports.error("missing-attribute", p.id(), p.line(), "an ocf primitive needs provider= (for example heartbeat)");
        }
        List<AttributeSet> meta = new ArrayList<>(sets(p, "meta_attributes"));
        List<AttributeSet> instance = new ArrayList<>(sets(p, "instance_attributes"));
        List<AttributeSet> utilization = new ArrayList<>(sets(p, "utilization"));
        List<Operation> ops = new ArrayList<>(operations(p));
        if (template != null) {
            meta.addAll(sets(template, "meta_attributes"));
            instance.addAll(sets(template, "instance_attributes"));
            utilization.addAll(sets(template, "utilization"));
            for (Operation op : operations(template)) {
                boolean overridden = ops.stream().anyMatch(o -> o.name().equals(op.name()) && o.intervalMs() == op.intervalMs());
                if (!overridden) ops.add(op);
            }
        }
        return new Primitive(p.attr("id", ""), standard == null ? "" : standard, Optional.ofNullable(provider),
                type == null ? "" : type, templateId, meta, instance, utilization, ops, p.line());
    }

    private List<Operation> operations(XmlElement p) {
        return p.child("operations").stream().flatMap(o -> o.children("op")).map(this::operation).toList();
    }

    private Operation operation(XmlElement op) {
        if (op.has("id-ref") && ids.containsKey(op.attr("id-ref"))) op = ids.get(op.attr("id-ref"));
        String intervalText = op.attr("interval", "0");
        long interval = TimeSpec.parseMillis(intervalText).orElse(-1);
        if (interval < 0) {
            reports.error("invalid-interval", op.id(), op.line(), "interval=\"" + intervalText
                    + "\" is not a time; use for example 10s, 2min or PT10S");
            interval = 0;
        }
        Optional<Role> role = Optional.empty();
        if (op.has("role")) {
            role = Role.parse(op.attr("role"));
            if (role.isEmpty()) {
                reports.error("invalid-role", op.id(), op.line(), "role=\"" + op.attr("role")
                        + "\" is not a role; use Started, Stopped, Promoted or Unpromoted");
            }
        }
        return new Operation(op.attr("id", ""), op.attr("name", ""), interval, role, op.attributes(),
                sets(op, "meta_attributes"), sets(op, "instance_attributes"), op.line());
    }

    private Group group(XmlElement g) {
        List<Primitive> members = g.children("primitive").map(this::primitive).toList();
        if (members.isEmpty()) {
            reports.warning("empty-group", g.id(), g.line(), "the group has no members and will be ignored");
        }
        return new Group(g.attr("id", ""), sets(g, "meta_attributes"), sets(g, "instance_attributes"), members, g.line());
    }

    private Optional<Resource> clone(XmlElement c, boolean legacyPromotable) {
        Optional<Resource> child = c.children().stream()
                .filter(x -> x.name().equals("primitive") || x.name().equals("group"))
                .findFirst().flatMap(this::resource);
        if (child.isEmpty()) {
            reports.error("empty-clone", c.id(), c.line(), "the clone has no primitive or group inside; add one");
            return Optional.empty();
        }
        List<AttributeSet> meta = sets(c, "meta_attributes");
        boolean promotable = legacyPromotable || meta.stream()
                .anyMatch(s -> BooleanValue.parse(s.values().get("promotable"), false));
        return Optional.of(new Clone(c.attr("id", ""), promotable, meta, sets(c, "instance_attributes"), child.get(), c.line()));
    }

    private Bundle bundle(XmlElement b) {
        Optional<Primitive> inner = b.child("primitive").map(this::primitive);
        return new Bundle(b.attr("id", ""), sets(b, "meta_attributes"), inner, b, b.line());
    }

    private Status readStatus(XmlElement s) {
        List<NodeState> nodes = s.children("node_state").map(new StatusParser(reports)::nodeState).toList();
        List<AttributeSet> tickets = s.child("tickets").stream().flatMap(t -> t.children("ticket_state"))
                .map(t -> AttributeSet.of(t.attr("id", ""), "ticket_state", t.attributes())).toList();
        return new Status(nodes, tickets);
    }
}
