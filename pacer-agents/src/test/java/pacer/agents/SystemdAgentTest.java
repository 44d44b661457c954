package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdAgentTest {
    @TempDir Path tmp;
    TestAgents agents;
    AgentSpec nginx = AgentSpec.of(AgentStandard.SYSTEMD, "nginx");

    @BeforeEach void setUp() { agents = new TestAgents(tmp); }

    private ResourceAgents executor(boolean systemdRunning) {
        AgentHost host = agents.host.withSystemdRunning(systemdRunning);
        return new ResourceAgents(host, new AgentRunner(new FakeTimers(), new FakeTimers(),
                RunnerSettings.detect().withSpoolDir(tmp.resolve("spool"))));
    }

    private AgentResult run(ResourceAgents executor, String action) {
        return executor.execute(AgentRequest.of("web", nginx, action, Duration.ofSeconds(100), Map.of())).join();
    }

    @Test @DisplayName("Without systemd as init: start and monitor are not installed, with a clear reason")
    void notAvailable() {
        ResourceAgents executor = executor(false);
        for (String action : new String[] {"start", "monitor"}) {
            AgentResult r = run(executor, action);
            assertThat(r.status()).isEqualTo(ExecStatus.NOT_INSTALLED);
            assertThat(r.rc()).isEqualTo(OcfExitCode.NOT_INSTALLED);
            assertThat(r.exitReason()).isEqualTo("systemd is not available on this host");
        }
        assertThat(run(executor, "stop").isOk()).as("nothing of systemd's can be running here").isTrue();
        assertThatThrownBy(() -> executor.metadata(nginx).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(MetadataUnavailableException.class)
                .hasMessageContaining("systemd is not available on this host");
    }

    @Test @DisplayName("This host's systemd detection agrees with /proc/1/comm")
    void detection() throws Exception {
        boolean pid1IsSystemd = Files.readString(Path.of("/proc/1/comm")).strip().equals("systemd");
        if (!pid1IsSystemd) assertThat(AgentHost.detect().systemdRunning()).isFalse();
    }

    @Test @DisplayName("With systemd: start, stop and monitor go through systemctl")
    void systemctl() throws Exception {
        Path calls = tmp.resolve("calls");
        TestAgents.write(tmp.resolve("bin/systemctl"), """
                echo "$@" >> "%s"
                case "$1" in
                  show) printf 'LoadState=loaded\\nActiveState=active\\n' ;;
                esac
                exit 0
                """.formatted(calls));
        ResourceAgents executor = executor(true);
        assertThat(run(executor, "start").isOk()).isTrue();
        assertThat(run(executor, "monitor").isOk()).isTrue();
        assertThat(run(executor, "stop").isOk()).isTrue();
        assertThat(Files.readAllLines(calls)).containsExactly("start nginx.service",
                "show --property=LoadState --property=ActiveState nginx.service", "stop nginx.service");
        assertThat(executor.effectiveStandard(AgentSpec.of(AgentStandard.SERVICE, "nginx"))).isEqualTo(AgentStandard.SYSTEMD);
    }

    @Test @DisplayName("Unit states map as Pacemaker's parse_status_result()")
    void states() {
        assertThat(SystemdClass.state("u", "LoadState=loaded\nActiveState=active\n").rc()).isEqualTo(OcfExitCode.OK);
        assertThat(SystemdClass.state("u", "ActiveState=reloading\nLoadState=loaded").rc()).isEqualTo(OcfExitCode.OK);
        assertThat(SystemdClass.state("u", "LoadState=loaded\nActiveState=activating").status()).isEqualTo(ExecStatus.PENDING);
        assertThat(SystemdClass.state("u", "LoadState=loaded\nActiveState=failed"))
                .isEqualTo(Outcome.done(OcfExitCode.NOT_RUNNING, "failed"));
        assertThat(SystemdClass.state("u", "LoadState=loaded\nActiveState=inactive").rc()).isEqualTo(OcfExitCode.NOT_RUNNING);
        assertThat(SystemdClass.state("u", "LoadState=not-found\nActiveState=inactive").status()).isEqualTo(ExecStatus.NOT_INSTALLED);
    }

    @Test @DisplayName("A unit systemd cannot find: start is not installed, stop is OK")
    void unknownUnit() {
        String err = "Failed to start nosuch.service: Unit nosuch.service not found.";
        assertThat(SystemdClass.jobResult("nosuch.service", false, 5, err).status()).isEqualTo(ExecStatus.NOT_INSTALLED);
        assertThat(SystemdClass.jobResult("nosuch.service", true, 5, err).rc()).isEqualTo(OcfExitCode.OK);
        assertThat(SystemdClass.jobResult("x.service", false, 1, "Job for x.service failed.\n").exitReason())
                .isEqualTo("Job for x.service failed.");
    }

    @Test @DisplayName("Unit names get .service unless they name a unit type")
    void unitNames() {
        assertThat(SystemdClass.unitName("nginx")).isEqualTo("nginx.service");
        assertThat(SystemdClass.unitName("srv-data.mount")).isEqualTo("srv-data.mount");
        assertThat(SystemdClass.unitName("getty@tty1")).isEqualTo("getty@tty1.service");
        assertThat(SystemdClass.unitName("app.v2")).isEqualTo("app.v2.service");
    }
}
