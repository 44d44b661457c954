package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LsbAgentTest {
    @TempDir Path tmp;
    TestAgents agents;
    ResourceAgents executor;

    @BeforeEach void setUp() {
        agents = new TestAgents(tmp);
        FakeTimers timers = new FakeTimers();
        executor = new ResourceAgents(agents.host, agents.runner(timers));
        // An init script whose exit status is its argument's "code" file, and which echoes the action it got.
        agents.lsb("svc", """
                ### BEGIN INIT INFO
                # Provides: svc
                # Short-Description: A test service
                # Description: Exits with the code in the file next to it.
                ### END INIT INFO
                echo "action=$1"
                exit $(cat "$(dirname "$0")/../code")
                """);
    }

    private AgentResult run(String action, int exitStatus) throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("code"), Integer.toString(exitStatus));
        return executor.execute(AgentRequest.of("svc", AgentSpec.of(AgentStandard.LSB, "svc"), action,
                Duration.ofSeconds(15), Map.of())).join();
    }

    @ParameterizedTest(name = "status exit {0} reads as {1}")
    @CsvSource({"0, OK", "1, NOT_RUNNING", "2, NOT_RUNNING", "3, NOT_RUNNING", "4, UNKNOWN_ERROR",
                "150, NOT_INSTALLED", "151, INSUFFICIENT_PRIV", "9, UNKNOWN_ERROR"})
    @DisplayName("LSB status codes map to OCF as Pacemaker's services__lsb2ocf()")
    void statusMapping(int exit, OcfExitCode expected) throws Exception {
        AgentResult r = run("monitor", exit);
        assertThat(r.status()).isEqualTo(ExecStatus.DONE);
        assertThat(r.rc()).isEqualTo(expected);
    }

    @Test @DisplayName("monitor runs the script's status action")
    void monitorIsStatus() throws Exception {
        assertThat(run("monitor", 0).stdoutTail()).isEqualTo("action=status\n");
    }

    @ParameterizedTest(name = "start exit {0} reads as {1}")
    @CsvSource({"0, OK", "1, UNKNOWN_ERROR", "5, NOT_INSTALLED", "7, NOT_RUNNING", "8, UNKNOWN_ERROR", "150, UNKNOWN_ERROR"})
    @DisplayName("Other actions share OCF codes 0..7; anything above is a generic error")
    void startMapping(int exit, OcfExitCode expected) throws Exception {
        AgentResult r = run("start", exit);
        assertThat(r.rc()).isEqualTo(expected);
        assertThat(r.stdoutTail()).isEqualTo("action=start\n");
    }

    @Test @DisplayName("A missing init script is NOT_INSTALLED naming /etc/init.d's path")
    void missingScript() {
        AgentResult r = executor.execute(AgentRequest.of("x", AgentSpec.of(AgentStandard.LSB, "nosuch"), "start",
                Duration.ofSeconds(15), Map.of())).join();
        assertThat(r.status()).isEqualTo(ExecStatus.NOT_INSTALLED);
        assertThat(r.exitReason()).contains(agents.host.initDir().resolve("nosuch").toString());
    }

    @Test @DisplayName("LSB meta-data is built as Pacemaker builds it, with the script's descriptions")
    void metadata() {
        var md = executor.metadata(AgentSpec.of(AgentStandard.LSB, "svc")).join();
        assertThat(md.shortDesc()).isEqualTo("A test service");
        assertThat(md.longDesc()).isEqualTo("Exits with the code in the file next to it.");
        assertThat(md.parameters()).isEmpty();
        assertThat(md.defaultTimeoutMs("start")).hasValue(15_000);
        assertThat(md.action("monitor").orElseThrow().intervalMs()).hasValue(15_000);
    }

    @Test @DisplayName("service: resolves to LSB where systemd is not running")
    void serviceIsLsbWithoutSystemd() throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("code"), "0");
        AgentSpec service = AgentSpec.of(AgentStandard.SERVICE, "svc");
        assertThat(executor.effectiveStandard(service)).isEqualTo(AgentStandard.LSB);
        AgentResult r = executor.execute(AgentRequest.of("svc", service, "monitor", Duration.ofSeconds(15), Map.of())).join();
        assertThat(r.isOk()).isTrue();
        assertThat(r.stdoutTail()).isEqualTo("action=status\n");
    }
}
