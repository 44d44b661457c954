package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;

/** {@code pcs status} on a CIB file: pcs's layout, the node lists, crm_mon's XML and JSON. */
class StatusCommandTest {
    private static final String CIB = """
            <cib admin_epoch="0" epoch="3" num_updates="0" have-quorum="1" dc-uuid="1" validate-with="pacemaker-3.0">
              <configuration>
                <crm_config><cluster_property_set id="cib-bootstrap-options">
                  <nvpair id="o1" name="stonith-enabled" value="false"/>
                  <nvpair id="o2" name="cluster-name" value="webcluster"/>
                </cluster_property_set></crm_config>
                <nodes>
                  <node id="1" uname="n1"/>
                  <node id="2" uname="n2"><instance_attributes id="n2-a"><nvpair id="n2-s" name="standby" value="on"/></instance_attributes></node>
                </nodes>
                <resources><primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2"/></resources>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member">
                  <lrm id="1"><lrm_resources><lrm_resource id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
                    <lrm_rsc_op id="vip_last_0" operation="start" interval="0" call-id="3" rc-code="0" op-status="0" transition-key="1:1:0:x"/>
                  </lrm_resource></lrm_resources></lrm>
                </node_state>
                <node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member"/>
              </status>
            </cib>
            """;

    @TempDir
    Path dir;

    private String file() throws Exception {
        Path f = dir.resolve("cib.xml");
        Files.writeString(f, CIB);
        return f.toString();
    }

    @Test
    @DisplayName("pcs status: cluster name, DC with quorum, node list with standby, resources where they run")
    void text() throws Exception {
        PcsCli.Run run = PcsCli.run("-f", file(), "status");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Cluster name: webcluster", "Current DC: n1 - partition with quorum",
                "2 nodes configured", "Node List:", "* Node n2: standby", "* Online: [ n1 ]",
                "Full List of Resources:", "* vip\t(ocf:heartbeat:IPaddr2):\t Started n1");
    }

    @Test
    @DisplayName("pcs status nodes: pcs's Pacemaker Nodes lists")
    void nodes() throws Exception {
        PcsCli.Run run = PcsCli.run("-f", file(), "status", "nodes");
        assertThat(run.out()).contains("Pacemaker Nodes:\n Online: n1\n Standby: n2\n");
    }

    @Test
    @DisplayName("--output-as xml: crm_mon's pacemaker-result with nodes and resources")
    void xml() throws Exception {
        PcsCli.Run run = PcsCli.run("-f", file(), "status", "--output-as", "xml");
        XmlElement root = XmlReader.parse(run.out(), "status");
        assertThat(root.name()).isEqualTo("pacemaker-result");
        XmlElement n2 = root.child("nodes").orElseThrow().children("node").filter(n -> n.attr("name").equals("n2"))
                .findFirst().orElseThrow();
        assertThat(n2.attr("standby")).isEqualTo("true");
        XmlElement vip = root.child("resources").orElseThrow().child("resource").orElseThrow();
        assertThat(vip.attributes()).containsEntry("id", "vip").containsEntry("role", "Started")
                .containsEntry("nodes_running_on", "1");
        assertThat(vip.child("node").orElseThrow().attr("name")).isEqualTo("n1");
        assertThat(root.child("summary").orElseThrow().child("current_dc").orElseThrow().attr("name")).isEqualTo("n1");
    }

    @Test
    @DisplayName("--output-as json: the same facts")
    void json() throws Exception {
        PcsCli.Run run = PcsCli.run("-f", file(), "status", "--output-as", "json");
        assertThat(run.out()).contains("\"cluster_name\":\"webcluster\"", "\"name\":\"n2\"", "\"standby\":true",
                "\"id\":\"vip\"", "\"nodes\":[\"n1\"]");
    }

    @Test
    @DisplayName("a wrong format or command is named, with the usage")
    void wrong() throws Exception {
        assertThat(PcsCli.run("-f", file(), "status", "--output-as", "yaml").err()).contains("--output-as takes text, xml or json");
        assertThat(PcsCli.run("-f", file(), "status", "node").err()).contains("unknown command 'status node'", "did you mean 'nodes'?");
    }
}
