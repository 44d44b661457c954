package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;

/**
 * Failures in {@code pcs status}: "Failed Resource Actions" as crm_mon prints them (friendly, and
 * with {@code --full} detailed), the node attributes and migration summary of {@code --full}, and
 * crm_mon's {@code <failures>} in the XML, from the failures the status section records.
 */
class StatusFailuresTest {
    /** d1's 10 s monitor failed on n2 (not running), and its probe on n1 timed out. */
    private static final String CIB = """
            <cib admin_epoch="0" epoch="3" num_updates="0" have-quorum="1" dc-uuid="1" validate-with="pacemaker-3.0">
              <configuration>
                <crm_config><cluster_property_set id="cib-bootstrap-options">
                  <nvpair id="o1" name="stonith-enabled" value="false"/>
                  <nvpair id="o2" name="cluster-name" value="webcluster"/>
                </cluster_property_set></crm_config>
                <nodes>
                  <node id="1" uname="n1"><instance_attributes id="n1-a"><nvpair id="n1-r" name="rack" value="r1"/></instance_attributes></node>
                  <node id="2" uname="n2"/>
                </nodes>
                <resources><primitive id="d1" class="ocf" provider="pacemaker" type="Dummy">
                  <meta_attributes id="d1-meta"><nvpair id="d1-mt" name="migration-threshold" value="3"/></meta_attributes>
                </primitive></resources>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member">
                  <transient_attributes id="1"><instance_attributes id="status-1">
                    <nvpair id="s1-p" name="pingd" value="1000"/>
                    <nvpair id="s1-h" name="#health-disk" value="green"/>
                  </instance_attributes></transient_attributes>
                  <lrm id="1"><lrm_resources><lrm_resource id="d1" class="ocf" provider="pacemaker" type="Dummy">
                    <lrm_rsc_op id="d1_last_0" operation_key="d1_monitor_0" operation="monitor" interval="0" call-id="2" rc-code="1" op-status="2" transition-key="1:1:7:x" last-rc-change="1795592600" exec-time="20000" queue-time="0"/>
                    <lrm_rsc_op id="d1_last_failure_0" operation_key="d1_monitor_0" operation="monitor" interval="0" call-id="2" rc-code="1" op-status="2" transition-key="1:1:7:x" exit-reason="" last-rc-change="1795592600" exec-time="20000" queue-time="0"/>
                  </lrm_resource></lrm_resources></lrm>
                </node_state>
                <node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member">
                  <transient_attributes id="2"><instance_attributes id="status-2">
                    <nvpair id="s2-fc" name="fail-count-d1#monitor_10000" value="1"/>
                    <nvpair id="s2-lf" name="last-failure-d1#monitor_10000" value="1795592635"/>
                  </instance_attributes></transient_attributes>
                  <lrm id="2"><lrm_resources><lrm_resource id="d1" class="ocf" provider="pacemaker" type="Dummy">
                    <lrm_rsc_op id="d1_last_0" operation_key="d1_start_0" operation="start" interval="0" call-id="3" rc-code="0" op-status="0" transition-key="2:1:0:x"/>
                    <lrm_rsc_op id="d1_monitor_10000" operation_key="d1_monitor_10000" operation="monitor" interval="10000" call-id="4" rc-code="7" op-status="0" transition-key="3:1:0:x"/>
                    <lrm_rsc_op id="d1_last_failure_0" operation_key="d1_monitor_10000" operation="monitor" interval="10000" call-id="4" rc-code="7" op-status="0" transition-key="3:1:0:x" exit-reason="No process state file found" last-rc-change="1795592635" exec-time="12" queue-time="1"/>
                  </lrm_resource></lrm_resources></lrm>
                </node_state>
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
    @DisplayName("pcs status ends with crm_mon's Failed Resource Actions, one friendly line per failure")
    void failedActions() throws Exception {
        PcsCli.Run run = PcsCli.run("-f", file(), "status");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("""

                Failed Resource Actions:
                  * d1 probe on n1 could not be executed (Timed Out) at Wed Nov 25 07:43:20 2026 after 20s
                  * d1 10s-interval monitor on n2 returned 'not running' (No process state file found) at Wed Nov 25 07:43:55 2026 after 12ms
                """);
        assertThat(run.out()).doesNotContain("Migration Summary", "Node Attributes");
    }

    @Test
    @DisplayName("pcs status --full: node attributes, migration summary and detailed failures")
    void full() throws Exception {
        PcsCli.Run run = PcsCli.run("-f", file(), "status", "--full");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("""

                Node Attributes:
                  * Node: n1 (1):
                    * pingd                           \t: 1000      \n\
                    * rack                            \t: r1        \n\
                  * Node: n2 (2):

                Migration Summary:
                  * Node: n2 (2):
                    * d1: migration-threshold=3 fail-count=1 last-failure='Wed Nov 25 07:43:55 2026'

                Failed Resource Actions:
                  * d1_monitor_0 on n1 'error' (1): call=2, status='Timed Out', exitreason='', last-rc-change='Wed Nov 25 07:43:20 2026', queued=0ms, exec=20000ms
                  * d1_monitor_10000 on n2 'not running' (7): call=4, status='complete', exitreason='No process state file found', last-rc-change='Wed Nov 25 07:43:55 2026', queued=1ms, exec=12ms
                """);
        assertThat(run.out()).doesNotContain("#health-disk", "fail-count-d1");
    }

    @Test
    @DisplayName("--output-as xml: crm_mon's <failures> and <node_attributes>")
    void xml() throws Exception {
        XmlElement root = XmlReader.parse(PcsCli.run("-f", file(), "status", "--output-as", "xml").out(), "status");
        XmlElement failure = root.child("failures").orElseThrow().children("failure")
                .filter(f -> f.attr("node").equals("n2")).findFirst().orElseThrow();
        assertThat(failure.attributes()).containsEntry("op_key", "d1_monitor_10000").containsEntry("exitstatus", "not running")
                .containsEntry("exitreason", "No process state file found").containsEntry("exitcode", "7")
                .containsEntry("call", "4").containsEntry("status", "complete")
                .containsEntry("last-rc-change", "2026-11-25 07:43:55 +00:00").containsEntry("queued", "1")
                .containsEntry("exec", "12").containsEntry("interval", "10000").containsEntry("task", "monitor");
        XmlElement n1 = root.child("node_attributes").orElseThrow().child("node").orElseThrow();
        assertThat(n1.attr("name")).isEqualTo("n1");
        assertThat(n1.children("attribute").map(a -> a.attr("name") + "=" + a.attr("value")).toList())
                .containsExactly("pingd=1000", "rack=r1");
        assertThat(root.children().stream().map(XmlElement::name).toList()).endsWith("failures", "status");
    }

    @Test
    @DisplayName("without failures there is no Failed Resource Actions block and no <failures>")
    void noFailures() throws Exception {
        String clean = CIB.replaceAll("<lrm_rsc_op id=\"d1_last_failure_0\"[^>]*/>", "");
        Path f = dir.resolve("clean.xml");
        Files.writeString(f, clean);
        assertThat(PcsCli.run("-f", f.toString(), "status").out()).doesNotContain("Failed Resource Actions");
        assertThat(PcsCli.run("-f", f.toString(), "status", "xml").out()).doesNotContain("<failures");
    }
}
