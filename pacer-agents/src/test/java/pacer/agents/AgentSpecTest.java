package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgentSpecTest {
    @Test @DisplayName("Parses every class's form and prints it back")
    void parse() {
        assertThat(AgentSpec.parse("ocf:heartbeat:IPaddr2")).isEqualTo(AgentSpec.ocf("heartbeat", "IPaddr2"));
        assertThat(AgentSpec.parse("lsb:ntp")).isEqualTo(AgentSpec.of(AgentStandard.LSB, "ntp"));
        assertThat(AgentSpec.parse("systemd:getty@tty1.service").type()).isEqualTo("getty@tty1.service");
        assertThat(AgentSpec.parse("stonith:fence_ipmilan").standard()).isEqualTo(AgentStandard.STONITH);
        assertThat(AgentSpec.parse("service:nginx")).hasToString("service:nginx");
        assertThat(AgentSpec.parse("OCF:pacemaker:Dummy")).hasToString("ocf:pacemaker:Dummy");
    }

    @Test @DisplayName("Refuses a missing or extra provider, unknown classes and names that could leave the agents' directory")
    void refuses() {
        assertThatThrownBy(() -> AgentSpec.parse("ocf:Dummy")).hasMessageContaining("need a provider");
        assertThatThrownBy(() -> AgentSpec.parse("lsb:x:ntp")).hasMessageContaining("no provider");
        assertThatThrownBy(() -> AgentSpec.parse("nagios:check")).hasMessageContaining("unknown resource class");
        assertThatThrownBy(() -> AgentSpec.parse("ocf:..:passwd")).hasMessageContaining("invalid agent provider");
        assertThatThrownBy(() -> AgentSpec.parse("lsb:../../bin/sh")).hasMessageContaining("invalid agent type");
        assertThatThrownBy(() -> new AgentSpec(AgentStandard.LSB, Optional.empty(), "")).hasMessageContaining("invalid");
    }

    @Test @DisplayName("OCF exit statuses read as services__ocf2ocf()")
    void ocfExitCodes() {
        assertThat(OcfExitCode.fromAgentExit(0)).isEqualTo(OcfExitCode.OK);
        assertThat(OcfExitCode.fromAgentExit(9)).isEqualTo(OcfExitCode.FAILED_PROMOTED);
        assertThat(OcfExitCode.fromAgentExit(191)).isEqualTo(OcfExitCode.DEGRADED_PROMOTED);
        assertThat(OcfExitCode.fromAgentExit(10)).isEqualTo(OcfExitCode.UNKNOWN_ERROR);
        assertThat(OcfExitCode.fromAgentExit(-1)).isEqualTo(OcfExitCode.UNKNOWN_ERROR);
        assertThat(ExecStatus.fromCode(7)).isEqualTo(ExecStatus.NOT_INSTALLED);
        assertThat(ExecStatus.fromCode(99)).isEqualTo(ExecStatus.UNKNOWN);
    }
}
