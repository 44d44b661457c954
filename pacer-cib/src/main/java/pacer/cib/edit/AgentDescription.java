package pacer.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import pacer.cib.BooleanValue;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;

/**
 * What {@code pcs resource describe} and {@code pcs stonith describe} show of an agent: its short
 * and long description, every parameter with its description, type, default and flags, and its
 * actions with their default interval and timeout. Read from the agent's meta-data document by
 * {@link #parse}; pure (the caller runs the agent).
 *
 * @param shortdesc the one-line description, or empty
 * @param longdesc the long description, white space as written, or empty
 */
public record AgentDescription(AgentName name, String shortdesc, String longdesc, List<Parameter> parameters,
                               List<AgentMetadata.Action> actions) {
    /** Agents declare a DOCTYPE; the XML reader refuses DTDs, so it is dropped first. */
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*(\\[[^]]*])?\\s*>");

    public AgentDescription {
        parameters = List.copyOf(parameters);
        actions = List.copyOf(actions);
    }

    /**
     * One {@code <parameter>}.
     *
     * @param type the {@code content type} (string, integer, boolean...), or empty
     * @param defaultValue the {@code content default}, or empty
     * @param advanced true when the agent marks it advanced (pcs hides those without --full)
     */
    public record Parameter(String name, String shortdesc, String longdesc, String type, Optional<String> defaultValue,
                            boolean required, boolean unique, boolean deprecated, boolean advanced) {
        /** The text pcs shows: the long description, or the short one when there is no long one. */
        public String description() {
            String text = longdesc.isBlank() ? shortdesc : longdesc;
            return text.isBlank() ? "No description available" : text;
        }
    }

    /**
     * Parses a {@code resource-agent} meta-data document.
     *
     * @throws pacer.cib.xml.XmlSyntaxException when the text is not well-formed XML
     */
    public static AgentDescription parse(AgentName name, String xml) {
        XmlElement root = XmlReader.parse(DOCTYPE.matcher(xml).replaceFirst(""), name.full() + " meta-data");
        List<Parameter> parameters = new ArrayList<>();
        root.child("parameters").ifPresent(ps -> ps.children("parameter").forEach(p -> parameters.add(parameter(p))));
        AgentMetadata md = AgentMetadataParser.parse(name, xml);
        String shortdesc = text(root, "shortdesc");
        if (shortdesc.isEmpty()) shortdesc = root.attr("shortdesc", "").strip(); // fence agents put it here
        return new AgentDescription(name, shortdesc, text(root, "longdesc"), parameters, md.actions());
    }

    /** The parameters pcs lists without {@code --full}: neither advanced nor deprecated. */
    public List<Parameter> basicParameters() {
        return parameters.stream().filter(p -> !p.advanced() && !p.deprecated()).toList();
    }

    /**
     * The operations {@code pcs resource create} would add for this agent (a fence agent: only a
     * monitor), in the agent's order: what {@code describe} shows as "Default operations".
     */
    public List<OperationSpec> defaultOperations() {
        return Operations.complete(List.of(), new AgentMetadata(name, List.of(), actions), false);
    }

    private static Parameter parameter(XmlElement p) {
        Optional<XmlElement> content = p.child("content");
        Optional<String> dflt = content.flatMap(c -> c.attribute("default")).filter(d -> !d.isEmpty());
        boolean deprecated = BooleanValue.parse(p.attr("deprecated"), false) || p.child("deprecated").isPresent();
        boolean advanced = BooleanValue.parse(p.attr("advanced"), false);
        return new Parameter(p.attr("name", ""), text(p, "shortdesc"), text(p, "longdesc"),
                content.map(c -> c.attr("type", "")).orElse(""), dflt,
                BooleanValue.parse(p.attr("required"), false), BooleanValue.parse(p.attr("unique"), false),
                deprecated, advanced);
    }

    private static String text(XmlElement e, String child) {
        return e.child(child).map(c -> c.text().strip()).orElse("");
    }
}
