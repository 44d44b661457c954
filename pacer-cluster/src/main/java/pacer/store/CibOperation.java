package pacer.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.CibVersion;
import pacer.cib.xml.XmlElement;

/**
 * A write as data, so that a member can send it to the DC (Pacemaker's cib operations, reduced):
 * put an element under a path (create it or replace the one with the same name and id), delete
 * one, replace the whole CIB or its configuration ({@code cib-push}), or a batch of puts and
 * deletes applied as one write. Each is also a {@link CibWrite}, applied by the DC's store against
 * its latest copy. Immutable.
 *
 * <p>On the wire an operation is one XML element, {@code <cib-op kind="put" parent="…">child</cib-op>},
 * see {@link #toXml()}; a batch nests its operations' elements.
 */
public sealed interface CibOperation extends CibWrite {
    /** The closed family, for exhaustive switches. */
    enum Kind { PUT, DELETE, REPLACE, BATCH }

    /** On the wire: the skeletons a put creates missing path steps from. */
    String ANCESTORS = "cib-op-ancestors";

    Kind kind();

    XmlElement toXml();

    /** Puts {@code element} under {@code parent}; missing path steps are created with only their id. */
    static CibOperation put(String parent, XmlElement element) { return new Put(parent, element, List.of()); }

    /**
     * Puts {@code element} under {@code parent}, creating a missing path step from the skeleton in
     * {@code ancestors} with the same name and id (its attributes, not its children), e.g. an
     * {@code lrm_resource} with its class, provider and type. Steps without a skeleton are created
     * with only their id; existing steps are left as they are.
     */
    static CibOperation put(String parent, XmlElement element, List<XmlElement> ancestors) {
        return new Put(parent, element, ancestors);
    }

    /** Deletes the child; the write is rejected when there is none. */
    static CibOperation delete(String parent, String elementName, String id) {
        return new Delete(parent, elementName, id, true);
    }

    /** Deletes the child if it (and its path) exists; otherwise changes nothing. */
    static CibOperation deleteIfPresent(String parent, String elementName, String id) {
        return new Delete(parent, elementName, id, false);
    }

    /**
     * Puts and deletes (batches nest) applied in order to one copy, as one write: all or none, one
     * version step, one broadcast, one fsync.
     *
     * @throws IllegalArgumentException for a replace in the batch (it carries its own version)
     */
    static CibOperation batch(List<CibOperation> ops) { return new Batch(ops); }

    /** {@code cib-push}: the whole CIB, status included. Its version must be newer than the cluster's. */
    static CibOperation replace(XmlElement cib) { return new Replace(cib, Replace.Scope.CIB); }

    /** {@code cib-push --config}: the configuration of {@code cib}; the live status is kept. */
    static CibOperation replaceConfiguration(XmlElement cib) { return new Replace(cib, Replace.Scope.CONFIGURATION); }

    static CibOperation fromXml(XmlElement op) {
        if (!op.name().equals("cib-op")) throw new IllegalArgumentException("not a <cib-op>: <" + op.name() + ">");
        String kind = op.attr("kind", "");
        return switch (kind) {
            case "put" -> new Put(op.attr("parent", ""), onlyChild(op), op.child(ANCESTORS)
                    .map(XmlElement::children).orElse(List.of()));
            case "delete" -> new Delete(op.attr("parent", ""), op.attr("element", ""), op.attr("id"),
                    !"true".equals(op.attr("if-present")));
            case "replace" -> new Replace(onlyChild(op), Replace.Scope.valueOf(op.attr("scope", "CIB")));
            case "batch" -> new Batch(op.children().stream().map(CibOperation::fromXml).toList());
            default -> throw new IllegalArgumentException("unknown cib-op kind '" + kind + "'");
        };
    }

    private static XmlElement onlyChild(XmlElement op) {
        List<XmlElement> body = op.children().stream().filter(c -> !c.name().equals(ANCESTORS)).toList();
        if (body.size() != 1) throw new IllegalArgumentException("<cib-op> needs exactly one child element");
        return body.get(0);
    }

    /** Creates {@code element} under {@code parent}, or replaces the child with its name and id. */
    record Put(String parent, XmlElement element, List<XmlElement> ancestors) implements CibOperation, XmlEdit {
        public Put {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(element, "element");
            ancestors = List.copyOf(ancestors);
        }

        @Override public Kind kind() { return Kind.PUT; }

        @Override public XmlElement apply(Cib current) { return edit(current.xml()); }

        @Override public XmlElement edit(XmlElement cib) {
            return CibPath.parse(parent).update(cib, this::putInto, true, ancestors);
        }

        private XmlElement putInto(XmlElement at) {
            List<XmlElement> children = new ArrayList<>(at.children());
            for (int i = 0; i < children.size(); i++) {
                XmlElement c = children.get(i);
                if (c.name().equals(element.name()) && Objects.equals(c.id(), element.id())) {
                    children.set(i, element);
                    return at.withChildren(children);
                }
            }
            children.add(element);
            return at.withChildren(children);
        }

        @Override public XmlElement toXml() {
            List<XmlElement> children = new ArrayList<>(List.of(element));
            if (!ancestors.isEmpty()) children.add(XmlElement.of(ANCESTORS, Map.of(), ancestors));
            return XmlElement.of("cib-op", Map.of("kind", "put", "parent", parent), children);
        }

        @Override public String describe() {
            return "put <" + element.name() + (element.id() == null ? "" : " id=" + element.id()) + "> under " + parent;
        }
    }

    /** Removes the child of {@code parent} with this name and id; when there is none, rejected if {@code mustExist}. */
    record Delete(String parent, String elementName, String id, boolean mustExist) implements CibOperation, XmlEdit {
        public Delete {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(elementName, "elementName");
        }

        @Override public Kind kind() { return Kind.DELETE; }

        @Override public XmlElement apply(Cib current) { return edit(current.xml()); }

        @Override public XmlElement edit(XmlElement cib) {
            CibPath path = CibPath.parse(parent);
            if (!mustExist && path.find(cib).isEmpty()) return cib;
            return path.update(cib, at -> {
                XmlElement after = at.withoutChildren(c -> c.name().equals(elementName) && Objects.equals(c.id(), id));
                if (after.children().size() == at.children().size() && mustExist) {
                    throw new CibWriteRejected("there is no <" + elementName + " id=\"" + id + "\"> under " + parent
                            + "; nothing was deleted");
                }
                return after;
            }, false, List.of());
        }

        @Override public XmlElement toXml() {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("kind", "delete");
            attrs.put("parent", parent);
            attrs.put("element", elementName);
            if (id != null) attrs.put("id", id);
            if (!mustExist) attrs.put("if-present", "true");
            return XmlElement.of("cib-op", attrs, List.of());
        }

        @Override public String describe() {
            return "delete <" + elementName + " id=" + id + "> under " + parent + (mustExist ? "" : " (if present)");
        }
    }

    /** Several puts and deletes as one write: applied in order to the same copy, all or nothing. */
    record Batch(List<CibOperation> ops) implements CibOperation {
        /** Nested batches are flattened, so every element of {@code ops} is a put or a delete. */
        public Batch {
            List<CibOperation> flat = new ArrayList<>();
            for (CibOperation op : ops) {
                if (op instanceof Batch b) {
                    flat.addAll(b.ops());
                } else if (op instanceof XmlEdit) {
                    flat.add(op);
                } else {
                    throw new IllegalArgumentException("a batch holds puts, deletes and batches, not " + op.describe());
                }
            }
            ops = List.copyOf(flat);
        }

        @Override public Kind kind() { return Kind.BATCH; }

        @Override public XmlElement apply(Cib current) {
            XmlElement out = current.xml();
            for (CibOperation op : ops) out = ((XmlEdit) op).edit(out);
            return out;
        }

        @Override public XmlElement toXml() {
            return XmlElement.of("cib-op", Map.of("kind", "batch"), ops.stream().map(CibOperation::toXml).toList());
        }

        @Override public String describe() {
            if (ops.isEmpty()) return "empty batch";
            return ops.size() == 1 ? ops.get(0).describe() : "batch of " + ops.size() + ": " + ops.get(0).describe() + ", …";
        }
    }

    /**
     * {@code cib-push}: a CIB edited offline comes back. It keeps its own version, which must be
     * newer than the cluster's, so that a copy fetched before someone else's change cannot undo it.
     */
    record Replace(XmlElement cib, Scope scope) implements CibOperation {
        /** What is replaced: the whole CIB, or only its configuration (the live status stays). */
        public enum Scope { CIB, CONFIGURATION }

        public Replace {
            Objects.requireNonNull(cib, "cib");
            Objects.requireNonNull(scope, "scope");
        }

        @Override public Kind kind() { return Kind.REPLACE; }

        /** The version the pushed CIB carries. */
        public CibVersion version() { return CibParser.parse(cib).version(); }

        @Override public XmlElement apply(Cib current) {
            if (!cib.name().equals("cib")) {
                throw new CibWriteRejected("cib-push refused: the file's root element is <" + cib.name() + ">, not <cib>");
            }
            CibVersion pushed = version();
            if (pushed.compareTo(current.version()) <= 0) {
                throw new CibWriteRejected("cib-push refused: your CIB has version " + pushed + ", the cluster has "
                        + current.version() + "; fetch it again (pacer cluster cib), redo your change and push that");
            }
            XmlElement result = scope == Scope.CIB ? cib
                    : current.xml().withChild(cib.child("configuration")
                            .orElseThrow(() -> new CibWriteRejected("cib-push refused: the CIB has no <configuration>")));
            return VersionStamp.stamp(result, pushed);
        }

        @Override public XmlElement toXml() {
            return XmlElement.of("cib-op", Map.of("kind", "replace", "scope", scope.name()), List.of(cib));
        }

        @Override public String describe() { return "replace the " + (scope == Scope.CIB ? "CIB" : "configuration"); }
    }
}
