package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StonithAgentTest {
    @TempDir Path tmp;
    TestAgents agents;
    ResourceAgents executor;
    Path received;
    AgentSpec fence = AgentSpec.of(AgentStandard.STONITH, "fence_fake");

    @BeforeEach void setUp() {
        agents = new TestAgents(tmp);
        executor = new ResourceAgents(agents.host, agents.runner(new FakeTimers()));
        received = tmp.resolve("stdin.txt");
        // A fence agent speaking the stdin protocol: it records what it read and acts on action=.
        agents.fence("fence_fake", """
                cat > "%s"
                action=$(sed -n 's/^action=//p' "%s")
                case "$action" in
                  metadata) cat <<'XML'
                <?xml version="1.0" ?>
                <resource-agent name="fence_fake" shortdesc="Fence agent for tests">
                <longdesc>Pretends to fence.</longdesc>
                <parameters>
                  <parameter name="ip" unique="0" required="1"><getopt mixed="-a, --ip=[ip]" />
                    <content type="string" /><shortdesc lang="en">IP address or hostname of fencing device</shortdesc></parameter>
                  <parameter name="port" unique="0" required="0"><content type="string" /><shortdesc lang="en">Plug</shortdesc></parameter>
                </parameters>
                <actions><action name="on" automatic="0"/><action name="off" /><action name="reboot" />
                  <action name="status" /><action name="list" /><action name="monitor" /><action name="metadata" />
                  <action name="validate-all" /></actions>
                </resource-agent>
                XML
                  exit 0 ;;
                  monitor|list) echo "node1,node2"; exit 0 ;;
                  status) exit 2 ;;
                  off) echo "ERROR: Unable to connect to the device" >&2; exit 1 ;;
                  *) exit 0 ;;
                esac
                """.formatted(received, received));
    }

    private AgentResult run(String action, Map<String, String> params) {
        return executor.execute(AgentRequest.of("fence1", fence, action, Duration.ofSeconds(20), params)).join();
    }

    @Test @DisplayName("Parameters go to stdin as key=value lines after action=, Pacemaker's own ones filtered out")
    void stdinProtocol() throws Exception {
        AgentResult r = run("monitor", Map.of("ip", "192.0.2.1", "pcmk_host_list", "node1 node2",
                "provides", "unfencing", "CRM_meta_timeout", "20000", "username", "admin"));
        assertThat(r.isOk()).isTrue();
        assertThat(r.stdoutTail()).isEqualTo("node1,node2\n");
        assertThat(Files.readString(received)).isEqualTo("action=monitor\nip=192.0.2.1\nusername=admin\n");
    }

    @Test @DisplayName("start checks the device with monitor; stop runs nothing")
    void startAndStop() throws Exception {
        assertThat(run("start", Map.of("ip", "x")).isOk()).isTrue();
        assertThat(Files.readString(received)).startsWith("action=monitor\n");
        Files.delete(received);
        assertThat(run("stop", Map.of("ip", "x")).isOk()).isTrue();
        assertThat(received).doesNotExist();
    }

    @Test @DisplayName("pcmk_<action>_action renames the action sent to the agent")
    void actionAlias() throws Exception {
        run("monitor", Map.of("pcmk_monitor_action", "list"));
        assertThat(Files.readString(received)).isEqualTo("action=list\n");
    }

    @Test @DisplayName("status exit 2 means the target is off; other failures carry the agent's last stderr line")
    void statusAndFailure() {
        assertThat(run("status", Map.of("port", "node2")).rc()).isEqualTo(OcfExitCode.NOT_RUNNING);
        AgentResult off = run("off", Map.of("port", "node2"));
        assertThat(off.rc()).isEqualTo(OcfExitCode.UNKNOWN_ERROR);
        assertThat(off.exitReason()).isEqualTo("ERROR: Unable to connect to the device");
    }

    @Test @DisplayName("Fence agent meta-data is read with action=metadata and parsed")
    void metadata() {
        var md = executor.metadata(fence).join();
        assertThat(md.name()).isEqualTo("fence_fake");
        assertThat(md.requiredParameters()).extracting(p -> p.name()).containsExactly("ip");
        assertThat(md.supports("reboot")).isTrue();
    }

    @Test @DisplayName("A missing fence agent is NOT_INSTALLED naming its path")
    void missing() {
        AgentResult r = executor.execute(AgentRequest.of("f", AgentSpec.of(AgentStandard.STONITH, "fence_nosuch"),
                "monitor", Duration.ofSeconds(20), Map.of())).join();
        assertThat(r.status()).isEqualTo(ExecStatus.NOT_INSTALLED);
        assertThat(r.exitReason()).contains(agents.host.fenceAgentDir().resolve("fence_nosuch").toString());
    }
}
