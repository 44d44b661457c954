package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.report.CibReport;
import pacer.scheduler.Scheduler;
import pacer.scheduler.Transition;

/**
 * Builds a whole CIB as Pacemaker writes it from a few hand-written parts: cluster options, node
 * names, the {@code resources} and {@code constraints} sections as text, and one
 * {@link NodeStateXml} per node for the status. Scenario tests read as "this configuration, this
 * history, then this plan".
 */
final class ScenarioCib {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> nodes = new ArrayList<>();
    private final List<String> nodeAttributes = new ArrayList<>();
    private final List<NodeStateXml> states = new ArrayList<>();
    private String resources = "";
    private String constraints = "";
    private String rscDefaults = "";
    private boolean quorum = true;

    private ScenarioCib() {}

    static ScenarioCib cib() { return new ScenarioCib(); }

    ScenarioCib option(String name, String value) {
        options.put(name, value);
        return this;
    }

    /** Configured nodes, with ids "1", "2", ... in the order given. */
    ScenarioCib nodes(String... unames) {
        for (String u : unames) {
            nodes.add(u);
            nodeAttributes.add("");
        }
        return this;
    }

    /** A permanent node attribute (for example {@code standby=on}). */
    ScenarioCib nodeAttribute(String uname, String name, String value) {
        int i = nodes.indexOf(uname);
        String id = uname + "-" + name;
        nodeAttributes.set(i, nodeAttributes.get(i) + "<nvpair id=\"" + id + "\" name=\"" + name + "\" value=\"" + value + "\"/>");
        return this;
    }

    ScenarioCib resources(String xml) {
        resources = xml;
        return this;
    }

    ScenarioCib constraints(String xml) {
        constraints = xml;
        return this;
    }

    ScenarioCib rscDefault(String name, String value) {
        rscDefaults += "<nvpair id=\"rsc-options-" + name + "\" name=\"" + name + "\" value=\"" + value + "\"/>";
        return this;
    }

    ScenarioCib withoutQuorum() {
        quorum = false;
        return this;
    }

    ScenarioCib status(NodeStateXml... nodeStates) {
        states.addAll(List.of(nodeStates));
        return this;
    }

    /** The node id given to {@code uname} by {@link #nodes}. */
    String idOf(String uname) { return Integer.toString(nodes.indexOf(uname) + 1); }

    String xml() {
        StringBuilder b = new StringBuilder();
        b.append("<cib validate-with=\"pacemaker-3.0\" crm_feature_set=\"3.19.0\" admin_epoch=\"0\" epoch=\"5\"")
                .append(" num_updates=\"0\" have-quorum=\"").append(quorum ? 1 : 0).append("\" dc-uuid=\"1\">\n")
                .append("  <configuration>\n    <crm_config>\n      <cluster_property_set id=\"cib-bootstrap-options\">\n");
        options.forEach((k, v) -> b.append("        <nvpair id=\"cib-bootstrap-options-").append(k).append("\" name=\"")
                .append(k).append("\" value=\"").append(v).append("\"/>\n"));
        b.append("      </cluster_property_set>\n    </crm_config>\n    <nodes>\n");
        for (int i = 0; i < nodes.size(); i++) {
            b.append("      <node id=\"").append(i + 1).append("\" uname=\"").append(nodes.get(i)).append("\">");
            if (!nodeAttributes.get(i).isEmpty()) {
                b.append("<instance_attributes id=\"nodes-").append(i + 1).append("\">").append(nodeAttributes.get(i))
                        .append("</instance_attributes>");
            }
            b.append("</node>\n");
        }
        b.append("    </nodes>\n    <resources>\n").append(resources).append("\n    </resources>\n")
                .append("    <constraints>\n").append(constraints).append("\n    </constraints>\n");
        if (!rscDefaults.isEmpty()) {
            b.append("    <rsc_defaults><meta_attributes id=\"rsc-options\">").append(rscDefaults)
                    .append("</meta_attributes></rsc_defaults>\n");
        }
        b.append("  </configuration>\n  <status>\n");
        for (NodeStateXml s : states) b.append(s.xml(idOf(s.uname())));
        b.append("  </status>\n</cib>\n");
        return b.toString();
    }

    /** Parses the CIB, failing the test if the hand-written XML has a configuration error. */
    Cib parse() {
        Cib cib = CibParser.parse(xml(), "scenario");
        assertThat(cib.reports()).as("configuration reports of the scenario CIB:%n%s", xml())
                .filteredOn(r -> r.severity() == CibReport.Severity.ERROR).isEmpty();
        return cib;
    }

    Transition schedule(Instant now) { return Scheduler.schedule(parse(), now); }
}
