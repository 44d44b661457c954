package pacer.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs resource defaults [update] k=v...} and {@code pcs resource op defaults [update] k=v...}:
 * the single {@code meta_attributes} block of {@code rsc_defaults} / {@code op_defaults}, created
 * as {@code rsc_defaults-meta_attributes} (pcs 0.10+ ids). An empty value removes a default.
 */
public final class DefaultsEdits {
    /** Which defaults. */
    public enum Kind {
        RESOURCE("rsc_defaults", "pcs resource defaults"), OPERATION("op_defaults", "pcs resource op defaults");

        final String section;
        final String command;

        Kind(String section, String command) {
            this.section = section;
            this.command = command;
        }

        public String section() { return section; }
    }

    private DefaultsEdits() {}

    public static EditResult update(Cib cib, Kind kind, Map<String, String> values, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        if (values.isEmpty()) problems.error("missing-argument", kind.section, "no default to set was given");
        XmlElement section = CibTree.section(root, kind.section);
        List<XmlElement> sets = section.children(NvSets.META).toList();
        if (sets.size() > 1) {
            problems.error("ambiguous-defaults", kind.section, "there are " + sets.size() + " sets of " + kind.section
                    + "; use '" + kind.command + " set update SET_ID' to say which one to change");
        }
        boolean onlyRemoving = values.values().stream().allMatch(String::isEmpty);
        if (!onlyRemoving) {
            problems.warning("defaults-overridden", kind.section,
                    "Defaults do not apply to resources which override them with their own defined values");
        }
        if (sets.isEmpty() && onlyRemoving) return problems.finish(root, () -> root);
        return problems.finish(root, () -> {
            Ids ids = new Ids(root);
            if (!sets.isEmpty()) {
                return CibTree.withSection(root, CibTree.replace(section, sets.get(0), NvSets.update(sets.get(0), values, ids)));
            }
            XmlElement set = NvSets.update(CibTree.element(NvSets.META, "id", ids.allocate(kind.section + "-" + NvSets.META)),
                    values, ids);
            List<XmlElement> children = new ArrayList<>(section.children());
            children.add(set);
            return CibTree.withSection(root, section.withChildren(children));
        });
    }
    /**
     * {@code pcs resource [op] defaults set create [id=ID] [score=S] [meta k=v...]}: one more
     * {@code meta_attributes} set, last in the section; id {@code ID}, else
     * {@code SECTION-meta_attributes} (numbered when taken), nvpairs {@code SETID-NAME}, as
     * pcs 0.11.5 writes them.
     */
    public static EditResult createSet(Cib cib, Kind kind, Map<String, String> setOptions, Map<String, String> meta,
                                       boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Ids ids = new Ids(root);
        for (String option : setOptions.keySet()) {
            if (!List.of("id", "score").contains(option)) {
                problems.error("invalid-option", option, "invalid set option '" + option + "' of '" + kind.command
                        + " set create'; allowed are 'id' and 'score'");
            }
        }
        String given = setOptions.get("id");
        if (given != null && (!Ids.sanitize(given).equals(given) || given.isEmpty())) {
            problems.error("invalid-id", given, "'" + given + "' is not a valid id; an id starts with a letter or '_' "
                    + "and has letters, digits, '_', '.' and '-' only");
        } else if (given != null && ids.exists(given)) {
            problems.error("duplicate-id", given, "id '" + given + "' is already in use; choose another id=");
        }
        String score = setOptions.get("score");
        if (score != null && !Constraints.isValidScore(score)) problems.error("invalid-score", score, Constraints.invalidScore(score));
        if (meta.values().stream().anyMatch(v -> v != null && !v.isEmpty())) {
            problems.warning("defaults-overridden", kind.section,
                    "Defaults do not apply to resources which override them with their own defined values");
        }
        return problems.finish(root, () -> {
            String id = given != null ? given : ids.allocate(kind.section + "-" + NvSets.META);
            ids.book(id);
            XmlElement set = NvSets.update(CibTree.element(NvSets.META, "id", id, "score", score), meta, ids);
            XmlElement section = CibTree.section(root, kind.section);
            List<XmlElement> children = new ArrayList<>(section.children());
            children.add(set);
            return CibTree.withSection(root, section.withChildren(children));
        });
    }
}
