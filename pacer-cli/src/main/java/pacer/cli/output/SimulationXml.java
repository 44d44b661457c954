package pacer.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.report.CibReport;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlWriter;
import pacer.scheduler.simulate.SimulationResult;

/**
 * A simulation result as XML: one {@code <pacer-simulate>} element with a child per block, each
 * holding its text lines as {@code <line>} elements, then the reports:
 *
 * <pre>{@code
 * <pacer-simulate>
 *   <current-status><line>...</line></current-status>
 *   <scores/>
 *   <transition-summary><line>  * Start rsc1 ( node1 )</line></transition-summary>
 *   <executed/>
 *   <revised-status/>
 *   <reports><report severity="error" code="..." element="..." line="12">message</report></reports>
 * </pacer-simulate>
 * }</pre>
 */
public final class SimulationXml {
    private SimulationXml() {}

    public static String render(SimulationResult r) {
        List<XmlElement> blocks = List.of(
                block("current-status", r.currentStatus()),
                block("scores", r.scores()),
                block("transition-summary", r.transitionSummary()),
                block("executed", r.executed()),
                block("revised-status", r.revisedStatus()),
                XmlElement.of("reports", Map.of(), r.reports().stream().map(SimulationXml::report).toList()));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + XmlWriter.write(XmlElement.of("pacer-simulate", Map.of(), blocks));
    }

    private static XmlElement block(String name, List<String> lines) {
        List<XmlElement> children = new ArrayList<>();
        for (String line : lines) children.add(new XmlElement("line", Map.of(), List.of(), line, 0));
        return XmlElement.of(name, Map.of(), children);
    }

    private static XmlElement report(CibReport p) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("severity", p.severity().label());
        attrs.put("code", p.code());
        attrs.put("element", p.elementId());
        attrs.put("line", Integer.toString(p.line()));
        return new XmlElement("report", attrs, List.of(), p.message(), 0);
    }
}
