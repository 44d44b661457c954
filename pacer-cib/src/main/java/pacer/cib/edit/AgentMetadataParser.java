package pacer.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pacer.cib.BooleanValue;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;

/**
 * Reads an OCF {@code resource-agent} meta-data document (the output of {@code AGENT meta-data})
 * into {@link AgentMetadata}. Pure: the caller runs the agent.
 */
public final class AgentMetadataParser {
    /** Agents declare {@code <!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">}; the reader refuses DTDs, so it goes. */
    private static final java.util.regex.Pattern DOCTYPE = java.util.regex.Pattern.compile("<!DOCTYPE[^>\\[]*(\\[[^]]*])?\\s*>");

    private AgentMetadataParser() {}

    /** @throws pacer.cib.xml.XmlSyntaxException when the text is not well-formed XML */
    public static AgentMetadata parse(AgentName name, String xml) {
        XmlElement root = XmlReader.parse(DOCTYPE.matcher(xml).replaceFirst(""), name.full() + " meta-data");
        List<AgentMetadata.Parameter> parameters = new ArrayList<>();
        root.child("parameters").ifPresent(ps -> ps.children("parameter").forEach(p -> parameters.add(
                new AgentMetadata.Parameter(p.attr("name", ""), BooleanValue.parse(p.attr("required"), false),
                        BooleanValue.parse(p.attr("deprecated"), false) || p.child("deprecated").isPresent()))));
        List<AgentMetadata.Action> actions = new ArrayList<>();
        root.child("actions").ifPresent(as -> as.children("action").forEach(a -> actions.add(new AgentMetadata.Action(
                a.attr("name", ""), opt(a, "interval"), opt(a, "timeout"), opt(a, "depth"), opt(a, "role"),
                opt(a, "start-delay")))));
        return new AgentMetadata(name, parameters, actions);
    }

    private static Optional<String> opt(XmlElement e, String attr) {
        return e.attribute(attr).map(String::trim).filter(v -> !v.isEmpty());
    }
}
