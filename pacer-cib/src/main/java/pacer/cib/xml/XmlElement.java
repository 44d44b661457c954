package pacer.cib.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An immutable XML element: name, attributes in document order, child elements, text, and the
 * line it started on. This is the CIB's source of truth for round trips: the typed model
 * ({@code pacer.cib}) is a view parsed from it, so unknown elements and attributes survive a
 * read and a write untouched.
 *
 * <p>Edits build new trees ({@link #withAttribute}, {@link #withChildren}); nothing mutates.
 */
public final class XmlElement {
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlElement> children;
    private final String text;
    private final int line;

    public XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text, int line) {
        this.name = Objects.requireNonNull(name, "name");
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.children = List.copyOf(children);
        this.text = text == null ? "" : text;
        this.line = line;
    }

    public static XmlElement of(String name, Map<String, String> attributes, List<XmlElement> children) {
        return new XmlElement(name, attributes, children, "", 0);
    }

    public String name() { return name; }

    /** Attributes in document order; unmodifiable. */
    public Map<String, String> attributes() { return attributes; }

    public List<XmlElement> children() { return children; }

    /** Character content directly inside this element, trimmed of surrounding white space. */
    public String text() { return text; }

    /** 1-based line where the element starts in its source, or 0 when it was built in memory. */
    public int line() { return line; }

    public Optional<String> attribute(String attr) { return Optional.ofNullable(attributes.get(attr)); }

    /** The attribute's value, or {@code null}. */
    public String attr(String attr) { return attributes.get(attr); }

    public String attr(String attr, String fallback) { return attributes.getOrDefault(attr, fallback); }

    public boolean has(String attr) { return attributes.containsKey(attr); }

    /** The {@code id} attribute, or {@code null}. */
    public String id() { return attributes.get("id"); }

    public Stream<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName));
    }

    public Optional<XmlElement> child(String childName) {
        return children(childName).findFirst();
    }

    /** All descendants (not this element) in document order. */
    public Stream<XmlElement> descendants() {
        return children.stream().flatMap(c -> Stream.concat(Stream.of(c), c.descendants()));
    }

    public XmlElement withAttribute(String attr, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        if (value == null) copy.remove(attr); else copy.put(attr, value);
        return new XmlElement(name, copy, children, text, line);
    }

    public XmlElement withChildren(List<XmlElement> newChildren) {
        return new XmlElement(name, attributes, newChildren, text, line);
    }

    /** Replaces the first direct child with the given name, or appends it. */
    public XmlElement withChild(XmlElement child) {
        List<XmlElement> copy = new ArrayList<>(children);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name.equals(child.name)) {
                copy.set(i, child);
                return withChildren(copy);
            }
        }
        copy.add(child);
        return withChildren(copy);
    }

    public XmlElement withoutChildren(Predicate<XmlElement> drop) {
        return withChildren(children.stream().filter(drop.negate()).toList());
    }

    @Override public boolean equals(Object o) {
        return o instanceof XmlElement e && name.equals(e.name) && attributes.equals(e.attributes)
                && children.equals(e.children) && text.equals(e.text);
    }

    @Override public int hashCode() { return Objects.hash(name, attributes, children, text); }

    @Override public String toString() { return XmlWriter.write(this); }
}
