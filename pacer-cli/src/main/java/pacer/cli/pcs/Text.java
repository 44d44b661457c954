package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pacer.cib.xml.XmlElement;

/** Small pieces of pcs's text output: indentation and {@code name=value} pairs. */
final class Text {
    private Text() {}

    static List<String> indent(List<String> lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add("  " + l));
        return out;
    }

    /** {@code name=value}, quoting a value with a space or {@code =} in it, as pcs does. */
    static String pair(String name, String value) {
        return quote(name) + "=" + quote(value);
    }

    private static String quote(String s) {
        if (!s.contains(" ") && !s.contains("=") && !s.contains("\"") && !s.isEmpty()) return s;
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An nvset as pcs prints it: {@code LABEL: ID} then its pairs sorted by name, indented. */
    static List<String> nvset(String label, XmlElement set) {
        Map<String, String> sorted = new TreeMap<>();
        set.children("nvpair").forEach(p -> sorted.put(p.attr("name", ""), p.attr("value", "")));
        List<String> out = new ArrayList<>();
        out.add(label + ":" + (set.id() == null ? "" : " " + set.id()));
        List<String> pairs = new ArrayList<>();
        sorted.forEach((k, v) -> pairs.add(pair(k, v)));
        out.addAll(indent(pairs));
        return out;
    }

    /** The owner's first block of {@code tag}, printed only when it has pairs. */
    static List<String> firstNvset(String label, XmlElement owner, String tag) {
        return owner.child(tag).filter(s -> s.children("nvpair").findAny().isPresent())
                .map(s -> nvset(label, s)).orElse(List.of());
    }
}
