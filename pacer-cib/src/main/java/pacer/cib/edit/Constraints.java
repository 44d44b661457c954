package pacer.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pacer.cib.xml.XmlElement;

/**
 * Constraint helpers shared by the edit commands: which constraints name a resource, removing
 * those references when a resource goes away (whole constraints, or one {@code resource_ref} of a
 * set), and score validation.
 */
final class Constraints {
    /** Attributes of plain constraints that name a resource. */
    static final List<String> RESOURCE_ATTRIBUTES = List.of("rsc", "with-rsc", "first", "then");

    private Constraints() {}

    static boolean isValidScore(String score) {
        return score.matches("[+-]?([0-9]+|(?i:infinity))");
    }

    static String invalidScore(String score) {
        return "invalid score '" + score + "', use integer or INFINITY or -INFINITY"
                + Suggest.didYouMean(score, List.of("INFINITY", "-INFINITY"));
    }

    /** Whether a plain or set constraint mentions any of {@code ids}. */
    static boolean mentions(XmlElement constraint, Set<String> ids) {
        for (String a : RESOURCE_ATTRIBUTES) if (names(ids, constraint.attr(a))) return true;
        return constraint.descendants().anyMatch(e -> e.name().equals("resource_ref") && names(ids, e.id()));
    }

    private static boolean names(Set<String> ids, String value) {
        return value != null && ids.contains(value);
    }

    /**
     * The tree without references to {@code ids}: plain constraints naming them are removed, set
     * members are dropped (and sets, then constraints, that become empty); tags lose their
     * {@code obj_ref}s. Each removal is announced as pcs does ("Removing Constraint - ID").
     */
    static XmlElement removeReferences(XmlElement root, Set<String> ids, Problems problems) {
        XmlElement constraints = CibTree.section(root, "constraints");
        List<XmlElement> kept = new ArrayList<>();
        for (XmlElement c : constraints.children()) {
            if (!mentions(c, ids)) {
                kept.add(c);
                continue;
            }
            boolean plain = RESOURCE_ATTRIBUTES.stream().anyMatch(a -> names(ids, c.attr(a)));
            XmlElement pruned = plain ? null : pruneSets(c, ids, problems);
            if (pruned == null) problems.info("Removing Constraint - " + c.id());
            else kept.add(pruned);
        }
        XmlElement out = root;
        if (root.child("configuration").flatMap(cf -> cf.child("constraints")).isPresent()) {
            out = CibTree.withSection(out, constraints.withChildren(kept));
        }
        if (root.child("configuration").flatMap(cf -> cf.child("tags")).isPresent()) {
            out = CibTree.editSection(out, "tags", tags -> tags.withChildren(tags.children().stream()
                    .map(t -> t.withoutChildren(r -> r.name().equals("obj_ref") && names(ids, r.id())))
                    .filter(t -> !t.children().isEmpty()).toList()));
        }
        return out;
    }

    /** The set constraint without the refs, or null when no set is left. */
    private static XmlElement pruneSets(XmlElement c, Set<String> ids, Problems problems) {
        List<XmlElement> sets = new ArrayList<>();
        for (XmlElement child : c.children()) {
            if (!child.name().equals("resource_set")) {
                sets.add(child);
                continue;
            }
            XmlElement set = child.withoutChildren(r -> r.name().equals("resource_ref") && names(ids, r.id()));
            if (set.children("resource_ref").findAny().isPresent()) {
                if (!set.equals(child)) problems.info("Removing from set " + c.id() + " (" + child.id() + ")");
                sets.add(set);
            }
        }
        return sets.stream().anyMatch(s -> s.name().equals("resource_set")) ? c.withChildren(sets) : null;
    }
}
