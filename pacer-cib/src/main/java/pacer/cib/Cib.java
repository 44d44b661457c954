package pacer.cib;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.report.CibReport;
import pacer.cib.xml.XmlElement;

/**
 * A whole CIB: the XML it came from (the source of truth for writing it back, so that unknown
 * elements survive), its version, the typed configuration and status, and the problems found
 * while reading it.
 *
 * @param attributes the attributes of the {@code cib} element ({@code dc-uuid},
 *     {@code have-quorum}, {@code execution-date}, ...)
 */
public record Cib(XmlElement xml, CibVersion version, Map<String, String> attributes,
                  Configuration configuration, Status status, List<CibReport> reports) {
    public Cib {
        attributes = Map.copyOf(attributes);
        reports = List.copyOf(reports);
    }

    public Optional<String> attribute(String name) { return Optional.ofNullable(attributes.get(name)); }

    public boolean hasQuorum() { return BooleanValue.parse(attributes.get("have-quorum"), false); }

    public Optional<String> dcUuid() { return attribute("dc-uuid"); }
}
