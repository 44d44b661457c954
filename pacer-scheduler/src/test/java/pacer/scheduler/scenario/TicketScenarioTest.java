package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.CibParser;
import pacer.scheduler.Scheduler;

/** rsc_ticket: a resource runs only while its ticket is granted and not in standby. */
class TicketScenarioTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static List<String> summary(String lossPolicy, String ticketState, boolean running) {
        String lrm = running ? """
                <lrm id="n1"><lrm_resources><lrm_resource id="web" class="ocf" provider="pacemaker" type="Dummy">
                  <lrm_rsc_op id="web_last_0" operation="start" interval="0" call-id="2" rc-code="0" op-status="0"
                      transition-key="1:1:0:x"/>
                </lrm_resource></lrm_resources></lrm>""" : "";
        String xml = """
                <cib admin_epoch="0" epoch="1" num_updates="0" have-quorum="1">
                  <configuration>
                    <crm_config><cluster_property_set id="o">
                      <nvpair id="o1" name="no-quorum-policy" value="ignore"/>
                    </cluster_property_set></crm_config>
                    <nodes><node id="n1" uname="n1"/><node id="n2" uname="n2"/></nodes>
                    <resources>
                      <primitive id="fence" class="stonith" type="fence_dummy"/>
                      <primitive id="web" class="ocf" provider="pacemaker" type="Dummy"/>
                    </resources>
                    <constraints>
                      <rsc_ticket id="web-needs-A" rsc="web" ticket="A" loss-policy="%s"/>
                    </constraints>
                  </configuration>
                  <status>
                    <node_state id="n1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member">%s
                    </node_state>
                    <node_state id="n2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member"/>
                    <tickets>%s</tickets>
                  </status>
                </cib>
                """.formatted(lossPolicy, lrm, ticketState);
        return Summaries.normalized(Scheduler.schedule(CibParser.parse(xml, "ticket"), NOW)).stream()
                .filter(l -> l.contains("web") || l.contains("Fence")).toList();
    }

    @Test
    @DisplayName("a ticket never granted: the resource does not start")
    void neverGranted() {
        assertThat(summary("stop", "", false)).isEmpty();
    }

    @Test
    @DisplayName("a granted ticket: the resource starts")
    void granted() {
        // (the fence device takes n1 first, so placement balances web onto n2)
        assertThat(summary("stop", "<ticket_state id=\"A\" granted=\"true\"/>", false)).containsExactly("* Start web ( n2 )");
    }

    @Test
    @DisplayName("revoked with loss-policy=stop: the resource stops")
    void revokedStop() {
        assertThat(summary("stop", "<ticket_state id=\"A\" granted=\"false\"/>", true))
                .containsExactly("* Stop web ( n1 ) due to node availability");
    }

    @Test
    @DisplayName("revoked with loss-policy=fence: its node is fenced ('deadman ticket was lost')")
    void revokedFence() {
        assertThat(summary("fence", "<ticket_state id=\"A\" granted=\"false\"/>", true))
                .containsExactly("* Fence (reboot) n1 'deadman ticket was lost'", "* Stop web ( n1 ) due to node availability");
    }

    @Test
    @DisplayName("revoked with loss-policy=freeze: it stays where it runs")
    void revokedFreeze() {
        assertThat(summary("freeze", "<ticket_state id=\"A\" granted=\"false\"/>", true)).isEmpty();
    }

    @Test
    @DisplayName("a ticket in standby hands over: the resource stops even with loss-policy=freeze, and nothing is fenced")
    void standby() {
        assertThat(summary("freeze", "<ticket_state id=\"A\" granted=\"true\" standby=\"true\"/>", true))
                .containsExactly("* Stop web ( n1 ) due to node availability");
        assertThat(summary("fence", "<ticket_state id=\"A\" granted=\"true\" standby=\"true\"/>", true))
                .containsExactly("* Stop web ( n1 ) due to node availability");
    }
}
