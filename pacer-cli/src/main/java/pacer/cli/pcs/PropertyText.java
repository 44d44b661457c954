package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pacer.cib.ClusterOption;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs property [config] [NAME... | --all | --defaults]} in pcs 0.11.5's text (as Debian 12's
 * pcs prints it): {@code Cluster Properties:} then one {@code " name: value"} line a property,
 * sorted by name; with {@code --all} the unset options are merged in with their defaults.
 */
final class PropertyText {
    private PropertyText() {}

    static List<String> config(XmlElement crmConfig, List<String> names, boolean all, boolean defaultsOnly) {
        XmlElement set = crmConfig.child("cluster_property_set").orElse(null);
        Map<String, String> configured = new TreeMap<>();
        if (set != null && !defaultsOnly) {
            set.children("nvpair").forEach(p -> configured.put(p.attr("name", ""), p.attr("value", "")));
        }
        Map<String, String> lines = new TreeMap<>();
        configured.forEach((k, v) -> lines.put(k, line(k, v)));
        if (all || defaultsOnly) {
            for (ClusterOption o : ClusterOption.values()) {
                boolean set1 = configured.containsKey(o.optionName()) || o.aliases().stream().anyMatch(configured::containsKey);
                if (!set1 && !o.defaultValue().isEmpty()) {
                    lines.put(o.optionName(), line(o.optionName(), o.defaultValue()));
                }
            }
        }
        if (!names.isEmpty()) lines.keySet().retainAll(names);
        List<String> out = new ArrayList<>();
        out.add("Cluster Properties:");
        out.addAll(lines.values());
        return out;
    }

    private static String line(String name, String value) {
        return " " + name + ": " + value;
    }
}
