package pacer.agents.metadata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import pacer.cib.TimeSpec;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;
import pacer.cib.xml.XmlSyntaxException;

/**
 * Reads OCF (and fence agent) meta-data XML, the {@code ra-api-1.dtd} shape:
 * {@code <resource-agent>} with {@code <parameters>} and {@code <actions>}. Pure: text in,
 * records out.
 *
 * <p>Agents start their output with {@code <!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">}.
 * That declaration is dropped before parsing (the DTD is never loaded); a DOCTYPE with an internal
 * subset is refused, since meta-data never needs one.
 */
public final class MetadataParser {
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*>");

    private MetadataParser() {}

    /**
     * @param source the agent, for error messages ({@code ocf:heartbeat:Dummy})
     * @throws MetadataException when the text is not well-formed meta-data
     */
    public static AgentMetadata parse(String xml, String source) {
        XmlElement root;
        try {
            root = XmlReader.parse(DOCTYPE.matcher(xml).replaceFirst(""), source);
        } catch (XmlSyntaxException e) {
            throw new MetadataException("meta-data of " + source + " is not valid XML: " + e.getMessage(), e);
        }
        if (!root.name().equals("resource-agent")) {
            throw new MetadataException("meta-data of " + source + " has root <" + root.name()
                    + ">, expected <resource-agent>");
        }
        List<ParameterDefinition> parameters = root.child("parameters").stream()
                .flatMap(p -> p.children("parameter"))
                .map(p -> parameter(p, source))
                .toList();
        List<ActionDefinition> actions = root.child("actions").stream()
                .flatMap(a -> a.children("action"))
                .map(a -> action(a, source))
                .toList();
        String version = root.attribute("version")
                .orElseGet(() -> root.child("version").map(v -> v.text().strip()).orElse(""));
        return new AgentMetadata(root.attr("name", ""), version, text(root, "shortdesc"), text(root, "longdesc"),
                parameters, actions);
    }

    private static ParameterDefinition parameter(XmlElement p, String source) {
        String name = p.attribute("name").orElseThrow(() ->
                new MetadataException("meta-data of " + source + ": <parameter> without a name at line " + p.line()));
        Optional<XmlElement> content = p.child("content");
        return new ParameterDefinition(name, flag(p, "required"), flag(p, "unique") || p.has("unique-group"),
                flag(p, "reloadable"), flag(p, "deprecated") || p.child("deprecated").isPresent(),
                content.flatMap(c -> c.attribute("type")).orElse("string"),
                content.flatMap(c -> c.attribute("default")),
                text(p, "shortdesc"), text(p, "longdesc"));
    }

    private static ActionDefinition action(XmlElement a, String source) {
        String name = a.attribute("name").orElseThrow(() ->
                new MetadataException("meta-data of " + source + ": <action> without a name at line " + a.line()));
        return new ActionDefinition(name, millis(a, "timeout"), millis(a, "interval"), depth(a),
                a.attribute("role"));
    }

    private static OptionalLong millis(XmlElement e, String attr) {
        return e.attribute(attr).map(TimeSpec::parseMillis).orElse(OptionalLong.empty());
    }

    private static OptionalInt depth(XmlElement e) {
        try {
            return e.attribute("depth").map(d -> OptionalInt.of(Integer.parseInt(d.strip())))
                    .orElse(OptionalInt.empty());
        } catch (NumberFormatException ex) {
            return OptionalInt.empty();
        }
    }

    /** OCF writes booleans as 0/1; some agents write true/false or yes/no. */
    private static boolean flag(XmlElement e, String attr) {
        String v = e.attr(attr, "0").strip().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true") || v.equals("yes") || v.equals("on");
    }

    /** The English description if several languages are given, else the first. */
    private static String text(XmlElement parent, String child) {
        return parent.children(child)
                .filter(c -> c.attr("lang", "en").startsWith("en"))
                .findFirst()
                .or(() -> parent.child(child))
                .map(c -> c.text().strip())
                .orElse("");
    }
}
