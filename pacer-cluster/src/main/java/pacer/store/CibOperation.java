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
 * one, or replace the whole CIB or its configuration ({@code cib-push}). Each is also a
 * {@link CibWrite}, applied by the DC's store against its latest copy. Immutable.
 *
 * <p>On the wire an operation is one XML element, {@code <cib-op kind="put" parent="…">child</cib-op>},
 * see {@link #toXml()}.
 */
public sealed interface CibOperation extends CibWrite {
    /** The closed family, for exhaustive switches. */
    enum Kind { PUT, DELETE, REPLACE }

    Kind kind();

    XmlElement toXml();

    /** Puts {@code element} under {@code parent} (created if missing). */
    static CibOperation put(String parent, XmlElement element) { return new Put(parent, element); }

    static CibOperation delete(String parent, String elementName, String id) { return new Delete(parent, elementName, id); }

    /** {@code cib-push}: the whole CIB, status included. Its version must be newer than the cluster's. */
    static CibOperation replace(XmlElement cib) { return new Replace(cib, Replace.Scope.CIB); }

    /** {@code cib-push --config}: the configuration of {@code cib}; the live status is kept. */
    static CibOperation replaceConfiguration(XmlElement cib) { return new Replace(cib, Replace.Scope.CONFIGURATION); }

    static CibOperation fromXml(XmlElement op) {
        if (!op.name().equals("cib-op")) throw new IllegalArgumentException("not a <cib-op>: <" + op.name() + ">");
        String kind = op.attr("kind", "");
        return switch (kind) {
            case "put" -> new Put(op.attr("parent", ""), onlyChild(op));
            case "delete" -> new Delete(op.attr("parent", ""), op.attr("element", ""), op.attr("id"));
            case "replace" -> new Replace(onlyChild(op), Replace.Scope.valueOf(op.attr("scope", "CIB")));
            default -> throw new IllegalArgumentException("unknown cib-op kind '" + kind + "'");
        };
    }

    private static XmlElement onlyChild(XmlElement op) {
        if (op.children().size() != 1) throw new IllegalArgumentException("<cib-op> needs exactly one child element");
        return op.children().get(0);
    }

    /** Creates {@code element} under {@code parent}, or replaces the child with its name and id. */
    record Put(String parent, XmlElement element) implements CibOperation {
        public Put {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(element, "element");
        }

        @Override public Kind kind() { return Kind.PUT; }

        @Override public XmlElement apply(Cib current) {
            return CibPath.parse(parent).update(current.xml(), this::putInto, true);
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
            return XmlElement.of("cib-op", Map.of("kind", "put", "parent", parent), List.of(element));
        }

        @Override public String describe() {
            return "put <" + element.name() + (element.id() == null ? "" : " id=" + element.id()) + "> under " + parent;
        }
    }

    /** Removes the child of {@code parent} with this name and id; rejected when there is none. */
    record Delete(String parent, String elementName, String id) implements CibOperation {
        public Delete {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(elementName, "elementName");
        }

        @Override public Kind kind() { return Kind.DELETE; }

        @Override public XmlElement apply(Cib current) {
            return CibPath.parse(parent).update(current.xml(), at -> {
                XmlElement after = at.withoutChildren(c -> c.name().equals(elementName) && Objects.equals(c.id(), id));
                if (after.children().size() == at.children().size()) {
                    throw new CibWriteRejected("there is no <" + elementName + " id=\"" + id + "\"> under " + parent
                            + "; nothing was deleted");
                }
                return after;
            }, false);
        }

        @Override public XmlElement toXml() {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("kind", "delete");
            attrs.put("parent", parent);
            attrs.put("element", elementName);
            if (id != null) attrs.put("id", id);
            return XmlElement.of("cib-op", attrs, List.of());
        }

        @Override public String describe() { return "delete <" + elementName + " id=" + id + "> under " + parent; }
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
