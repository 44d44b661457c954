package pacer.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import pacer.cib.xml.XmlElement;

/**
 * A path from the {@code <cib>} element down to one element, written as steps separated by
 * {@code /}, each an element name with an optional id in brackets:
 * {@code configuration/crm_config/cluster_property_set[cib-bootstrap-options]}. The empty path is
 * the {@code <cib>} element itself. Immutable.
 */
record CibPath(String text, List<Step> steps) {
    record Step(String name, String id) {
        boolean matches(XmlElement e) {
            return e.name().equals(name) && (id == null || id.equals(e.id()));
        }

        /** A new, empty element for this step: from the matching skeleton's attributes, else only the id. */
        XmlElement create(List<XmlElement> skeletons) {
            for (XmlElement s : skeletons) {
                if (matches(s)) return s.withChildren(List.of());
            }
            return XmlElement.of(name, id == null ? Map.of() : Map.of("id", id), List.of());
        }

        @Override public String toString() { return id == null ? name : name + "[" + id + "]"; }
    }

    CibPath {
        steps = List.copyOf(steps);
    }

    static CibPath parse(String text) {
        List<Step> steps = new ArrayList<>();
        for (String s : text.split("/")) {
            if (s.isBlank()) continue;
            int open = s.indexOf('[');
            if (open < 0) {
                steps.add(new Step(s.trim(), null));
            } else if (s.endsWith("]") && open > 0) {
                steps.add(new Step(s.substring(0, open).trim(), s.substring(open + 1, s.length() - 1).trim()));
            } else {
                throw new CibWriteRejected("path step '" + s + "' in '" + text
                        + "' is not name or name[id]; write for example configuration/resources");
            }
        }
        return new CibPath(text, steps);
    }

    /**
     * Rebuilds {@code root} with {@code edit} applied to the element this path names. Missing steps
     * are created when {@code create} is set; otherwise a missing step rejects the write.
     */
    XmlElement update(XmlElement root, UnaryOperator<XmlElement> edit, boolean create) {
        return update(root, 0, edit, create, List.of());
    }

    /** As above; a missing step is created from the skeleton in {@code skeletons} with its name and id, if any. */
    XmlElement update(XmlElement root, UnaryOperator<XmlElement> edit, boolean create, List<XmlElement> skeletons) {
        return update(root, 0, edit, create, skeletons);
    }

    /** The element this path names in {@code root}, if every step exists. */
    Optional<XmlElement> find(XmlElement root) {
        XmlElement at = root;
        for (Step step : steps) {
            Optional<XmlElement> next = at.children().stream().filter(step::matches).findFirst();
            if (next.isEmpty()) return Optional.empty();
            at = next.get();
        }
        return Optional.of(at);
    }

    private XmlElement update(XmlElement at, int depth, UnaryOperator<XmlElement> edit, boolean create,
                              List<XmlElement> skeletons) {
        if (depth == steps.size()) return edit.apply(at);
        Step step = steps.get(depth);
        List<XmlElement> children = new ArrayList<>(at.children());
        for (int i = 0; i < children.size(); i++) {
            if (step.matches(children.get(i))) {
                children.set(i, update(children.get(i), depth + 1, edit, create, skeletons));
                return at.withChildren(children);
            }
        }
        if (!create) {
            throw new CibWriteRejected("there is no <" + step.name() + (step.id() == null ? "" : " id=\"" + step.id() + "\"")
                    + "> on the path " + text + "; nothing was changed");
        }
        children.add(update(step.create(skeletons), depth + 1, edit, create, skeletons));
        return at.withChildren(children);
    }

    @Override public String toString() { return text; }
}
