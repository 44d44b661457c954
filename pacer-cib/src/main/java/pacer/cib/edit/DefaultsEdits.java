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
}
