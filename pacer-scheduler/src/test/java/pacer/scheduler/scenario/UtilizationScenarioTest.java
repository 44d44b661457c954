package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.CibParser;
import pacer.scheduler.Scheduler;

/** placement-strategy and utilization: a node takes only what its capacity holds. */
class UtilizationScenarioTest {
    private static List<String> summary(String strategy) {
        String xml = """
                <cib admin_epoch="0" epoch="1" num_updates="0" have-quorum="1">
                  <configuration>
                    <crm_config><cluster_property_set id="o">
                      <nvpair id="o1" name="stonith-enabled" value="false"/>
                      <nvpair id="o2" name="placement-strategy" value="%s"/>
                    </cluster_property_set></crm_config>
                    <nodes>
                      <node id="n1" uname="n1"><utilization id="n1-u"><nvpair id="n1-m" name="memory" value="1024"/></utilization></node>
                      <node id="n2" uname="n2"><utilization id="n2-u"><nvpair id="n2-m" name="memory" value="512"/></utilization></node>
                    </nodes>
                    <resources>
                      <primitive id="big" class="ocf" provider="pacemaker" type="Dummy">
                        <utilization id="big-u"><nvpair id="big-m" name="memory" value="1024"/></utilization>
                      </primitive>
                      <primitive id="other" class="ocf" provider="pacemaker" type="Dummy">
                        <utilization id="other-u"><nvpair id="other-m" name="memory" value="1024"/></utilization>
                      </primitive>
                    </resources>
                    <constraints/>
                  </configuration>
                  <status>
                    <node_state id="n1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member"/>
                    <node_state id="n2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member"/>
                  </status>
                </cib>
                """.formatted(strategy);
        return Summaries.normalized(Scheduler.schedule(CibParser.parse(xml, "util"), Instant.EPOCH));
    }

    @Test
    @DisplayName("with a utilization strategy, only one 1024 MB resource fits: on the 1024 MB node")
    void capacityLimits() {
        assertThat(summary("utilization")).containsExactly("* Start big ( n1 )");
    }

    @Test
    @DisplayName("with the default strategy utilization is ignored: both start, one on each node")
    void defaultIgnoresUtilization() {
        assertThat(summary("default")).containsExactly("* Start big ( n1 )", "* Start other ( n2 )");
    }
}
