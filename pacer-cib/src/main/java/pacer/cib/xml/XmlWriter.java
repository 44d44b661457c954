package pacer.cib.xml;

import java.util.Map;

/** Writes an {@link XmlElement} tree as indented XML (two spaces a level), attributes in order. */
public final class XmlWriter {
    private XmlWriter() {}

    public static String write(XmlElement root) {
        StringBuilder out = new StringBuilder();
        write(root, 0, out);
        return out.toString();
    }

    private static void write(XmlElement e, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append('<').append(e.name());
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            out.append(' ').append(a.getKey()).append("=\"").append(escape(a.getValue(), true)).append('"');
        }
        if (e.children().isEmpty() && e.text().isEmpty()) {
            out.append("/>\n");
            return;
        }
        out.append('>');
        if (e.children().isEmpty()) {
            out.append(escape(e.text(), false)).append("</").append(e.name()).append(">\n");
            return;
        }
        out.append('\n');
        if (!e.text().isEmpty()) out.append("  ".repeat(depth + 1)).append(escape(e.text(), false)).append('\n');
        for (XmlElement c : e.children()) write(c, depth + 1, out);
        out.append("  ".repeat(depth)).append("</").append(e.name()).append(">\n");
    }

    /** XML-escapes text; in attributes also quotes, tabs and newlines. */
    public static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                case '\r' -> b.append("&#13;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
