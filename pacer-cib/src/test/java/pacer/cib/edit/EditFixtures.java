package pacer.cib.edit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.xml.XmlElement;

/** A two-node CIB as {@code pcs cluster cib} prints it after setup, and a fixed table of agents. */
final class EditFixtures {
    static final String BASE = """
            <cib crm_feature_set="3.16.2" validate-with="pacemaker-3.9" epoch="5" num_updates="3" admin_epoch="0" have-quorum="1" dc-uuid="1">
              <configuration>
                <crm_config>
                  <cluster_property_set id="cib-bootstrap-options">
                    <nvpair id="cib-bootstrap-options-have-watchdog" name="have-watchdog" value="false"/>
                    <nvpair id="cib-bootstrap-options-dc-version" name="dc-version" value="2.1.5-a3f44794f94"/>
                    <nvpair id="cib-bootstrap-options-cluster-infrastructure" name="cluster-infrastructure" value="corosync"/>
                    <nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="webcluster"/>
                  </cluster_property_set>
                </crm_config>
                <nodes>
                  <node id="1" uname="n1"/>
                  <node id="2" uname="n2"/>
                </nodes>
                <resources/>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member"/>
                <node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member"/>
              </status>
            </cib>
            """;

    private EditFixtures() {}

    static Cib base() { return CibParser.parse(BASE, "base"); }

    static AgentMetadataSource agents() {
        List<AgentMetadata> list = new ArrayList<>();
        list.add(load(AgentName.of("ocf", "heartbeat", "IPaddr2"), "ocf_heartbeat_IPaddr2.xml"));
        list.add(load(AgentName.of("ocf", "heartbeat", "apache"), "ocf_heartbeat_apache.xml"));
        list.add(load(AgentName.of("ocf", "pacemaker", "Dummy"), "ocf_pacemaker_Dummy.xml"));
        list.add(load(AgentName.of("ocf", "heartbeat", "Dummy"), "ocf_pacemaker_Dummy.xml"));
        return new StaticAgentMetadataSource(list);
    }

    private static AgentMetadata load(AgentName name, String file) {
        try (InputStream in = EditFixtures.class.getResourceAsStream("/agents/" + file)) {
            return AgentMetadataParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The edited CIB, failing the test with the reports when the edit failed. */
    static Cib ok(EditResult r) {
        if (!r.succeeded()) throw new AssertionError("edit failed: " + r.reports());
        return r.parsed().orElseThrow();
    }

    /** XML with attributes sorted and no white space, for comparing trees written in any order. */
    static String canonical(XmlElement e) {
        StringBuilder b = new StringBuilder("<").append(e.name());
        new TreeMap<>(e.attributes()).forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        b.append('>');
        if (!e.text().isEmpty()) b.append(e.text());
        e.children().forEach(c -> b.append(canonical(c)));
        return b.append("</").append(e.name()).append('>').toString();
    }

    static String canonical(String xml) { return canonical(pacer.cib.xml.XmlReader.parse(xml, "expected")); }

    /** One configuration element by id, canonicalized. */
    static String element(Cib cib, String id) {
        return canonical(CibTree.byId(cib.xml(), id).orElseThrow(() -> new AssertionError("no element " + id)));
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
