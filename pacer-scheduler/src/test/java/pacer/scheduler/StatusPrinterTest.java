package pacer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.scheduler.simulate.SimulationTime;

/**
 * The status blocks crm_simulate prints: a hand-written CIB for the primitive and group line
 * formats, and Pacemaker's own regression cases (read from the shared folder, skipped when it is
 * missing) for whole "Current cluster status" and "Revised Cluster Status" blocks.
 */
class StatusPrinterTest {
    private static final Instant FALLBACK_NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static final String CIB = """
            <cib have-quorum="1" dc-uuid="n1" crm_feature_set="3.17.4" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
              <configuration>
                <crm_config><cluster_property_set id="opts">
                  <nvpair id="opts-fencing" name="fencing-enabled" value="false"/>
                </cluster_property_set></crm_config>
                <nodes>
                  <node id="n1" uname="node1"/>
                  <node id="n2" uname="node2"/>
                </nodes>
                <resources>
                  <primitive id="rsc1" class="ocf" provider="heartbeat" type="Dummy"/>
                  <group id="grp">
                    <meta_attributes id="grp-meta"><nvpair id="grp-tr" name="target-role" value="Stopped"/></meta_attributes>
                    <primitive id="m1" class="ocf" provider="pacemaker" type="Dummy"/>
                    <primitive id="m2" class="lsb" type="foo"/>
                  </group>
                </resources>
                <constraints/>
              </configuration>
              <status>
                <node_state id="n1" uname="node1" in_ccm="true" crmd="online" join="member" expected="member">
                  <lrm id="n1"><lrm_resources>
                    <lrm_resource id="rsc1" class="ocf" provider="heartbeat" type="Dummy">
                      <lrm_rsc_op id="rsc1_last_0" operation="start" call-id="2" rc-code="0" op-status="0" interval="0"
                                  transition-key="1:1:0:x" operation_key="rsc1_start_0"/>
                    </lrm_resource>
                  </lrm_resources></lrm>
                </node_state>
                <node_state id="n2" uname="node2" in_ccm="true" crmd="online" join="member" expected="member"/>
              </status>
            </cib>
            """;

    @Test
    void primitiveAndGroupLines() {
        Transition t = Scheduler.schedule(CibParser.parse(CIB, "status-test.xml"), FALLBACK_NOW);
        List<String> current = StatusPrinter.current(t);
        assertThat(current).containsExactly(
                "  * Node List:",
                "    * Online: [ node1 node2 ]",
                "",
                "  * Full List of Resources:",
                "    * rsc1\t(ocf:heartbeat:Dummy):\t Started node1",
                "    * Resource Group: grp (disabled):",
                "      * m1\t(ocf:pacemaker:Dummy):\t Stopped (disabled)",
                "      * m2\t(lsb:foo):\t Stopped (disabled)");
        assertThat(StatusPrinter.revised(t)).isEqualTo(current);
    }

    @Test
    void naturalNodeOrder() {
        List<String> names = new ArrayList<>(List.of("pcmk-10", "PCMK-2", "pcmk-1", "node02", "node1"));
        names.sort(StatusNodeList.NATURAL);
        assertThat(names).containsExactly("node1", "node02", "pcmk-1", "PCMK-2", "pcmk-10");
    }

    /** T1/T2 cases whose Transition Summary Pacer already gets right. */
    @ParameterizedTest
    @ValueSource(strings = {"simple4", "simple12", "group1", "group6", "group10", "rsc_dep2", "rec-rsc-3", "bug-5069-op-enabled",
            "expired-failed-probe-primitive", "force-anon-clone-max", "standby", "cloned-group-stop"})
    void currentAndRevisedStatusMatchPacemaker(String name) throws IOException {
        Path dir = sharedCases();
        assumeTrue(dir != null && Files.isDirectory(dir), "shared Pacemaker scheduler cases not found; skipped");
        Path xml = dir.resolve("xml").resolve(name + ".xml");
        assumeTrue(Files.isRegularFile(xml), "case " + name + " missing");
        Cib cib = CibParser.parse(Files.readString(xml, StandardCharsets.UTF_8), xml.toString());
        Transition t = Scheduler.schedule(cib, SimulationTime.now(cib, Optional.empty(), FALLBACK_NOW));
        List<String> expected = Files.readAllLines(dir.resolve("summary").resolve(name + ".summary"));
        assertThat(collapse(StatusPrinter.current(t))).as("current status of " + name)
                .isEqualTo(block(expected, "Current cluster status:"));
        assertThat(collapse(StatusPrinter.revised(t))).as("revised status of " + name)
                .isEqualTo(block(expected, "Revised Cluster Status:"));
    }

    private static Path sharedCases() {
        String shared = System.getProperty("pacer.shared", System.getenv("PACER_SHARED"));
        return shared == null ? null : Path.of(shared).resolve("pacemaker-scheduler");
    }

    /** The indented, non-blank lines after a header line, whitespace collapsed. */
    private static List<String> block(List<String> lines, String header) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (l.equals(header)) {
                in = true;
            } else if (in && !l.isEmpty() && !l.startsWith(" ")) {
                break;
            } else if (in) {
                out.add(l);
            }
        }
        return collapse(out);
    }

    private static List<String> collapse(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).map(l -> l.trim().replaceAll("\\s+", " ")).toList();
    }
}
