package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcfAgentTest {
    @TempDir Path tmp;
    TestAgents agents;
    FakeTimers timers = new FakeTimers();
    ResourceAgents executor;

    @BeforeEach void setUp() {
        agents = new TestAgents(tmp);
        executor = new ResourceAgents(agents.host, agents.runner(timers));
    }

    private AgentResult run(AgentRequest request) {
        return executor.execute(request).join();
    }

    @Test @DisplayName("A succeeding agent is DONE with rc 0 and its output kept")
    void success() {
        agents.ocf("pacer", "Ok", "echo hello from $1\nexit 0\n");
        AgentResult r = run(AgentRequest.of("rsc1", AgentSpec.ocf("pacer", "Ok"), "start", Duration.ofSeconds(20), Map.of()));
        assertThat(r.status()).isEqualTo(ExecStatus.DONE);
        assertThat(r.rc()).isEqualTo(OcfExitCode.OK);
        assertThat(r.isOk()).isTrue();
        assertThat(r.stdoutTail()).isEqualTo("hello from start\n");
        assertThat(r.startedAt()).isEqualTo(timers.now());
    }

    @Test @DisplayName("The agent gets Pacemaker's OCF environment and the action as argv[1]")
    void environment() throws Exception {
        Path dump = tmp.resolve("env.txt");
        agents.ocf("pacer", "Env", "echo \"ARGV1=$1\" > " + dump + "\nenv >> " + dump + "\nexit 0\n");
        AgentRequest request = new AgentRequest("web:0", AgentSpec.ocf("pacer", "Env"), "monitor", 10_000,
                Duration.ofSeconds(30), Map.of("ip", "192.0.2.10", "OCF_CHECK_LEVEL", "10"),
                Map.of("target-role", "Started", "clone-max", "2"));
        assertThat(run(request).isOk()).isTrue();
        Map<String, String> env = Files.readAllLines(dump).stream().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1), (a, b) -> b));
        assertThat(env).containsEntry("ARGV1", "monitor")
                .containsEntry("OCF_ROOT", agents.host.ocfRoot().toString())
                .containsEntry("OCF_RA_VERSION_MAJOR", "1")
                .containsEntry("OCF_RA_VERSION_MINOR", "1")
                .containsEntry("OCF_EXIT_REASON_PREFIX", "ocf-exit-reason:")
                .containsEntry("OCF_RESOURCE_INSTANCE", "web:0")
                .containsEntry("OCF_RESOURCE_TYPE", "Env")
                .containsEntry("OCF_RESOURCE_PROVIDER", "pacer")
                .containsEntry("OCF_RESKEY_ip", "192.0.2.10")
                .containsEntry("OCF_CHECK_LEVEL", "10")
                .containsEntry("OCF_RESKEY_CRM_meta_target_role", "Started")
                .containsEntry("OCF_RESKEY_CRM_meta_clone_max", "2")
                .containsEntry("OCF_RESKEY_CRM_meta_timeout", "30000")
                .containsEntry("OCF_RESKEY_CRM_meta_interval", "10000")
                .containsEntry("OCF_RESKEY_CRM_meta_name", "monitor");
    }

    @Test @DisplayName("One-shot actions get CRM_meta_timeout but no CRM_meta_interval, as in Pacemaker's graphs")
    void oneShotHasNoInterval() throws Exception {
        Path dump = tmp.resolve("env.txt");
        agents.ocf("pacer", "Env", "env > " + dump + "\n");
        run(AgentRequest.of("rsc1", AgentSpec.ocf("pacer", "Env"), "start", Duration.ofSeconds(20), Map.of()));
        assertThat(Files.readString(dump)).contains("OCF_RESKEY_CRM_meta_timeout=20000")
                .doesNotContain("CRM_meta_interval").doesNotContain("CRM_meta_name");
    }

    @Test @DisplayName("A failing agent is DONE with rc 1 and the last ocf-exit-reason from stderr")
    void failureWithExitReason() {
        agents.ocf("pacer", "Fail", """
                echo "ocf-exit-reason:first try" >&2
                echo "some noise" >&2
                echo "ocf-exit-reason:Cannot bind to 192.0.2.10" >&2
                exit 1
                """);
        AgentResult r = run(AgentRequest.of("rsc1", AgentSpec.ocf("pacer", "Fail"), "start", Duration.ofSeconds(20), Map.of()));
        assertThat(r.status()).isEqualTo(ExecStatus.DONE);
        assertThat(r.rc()).isEqualTo(OcfExitCode.UNKNOWN_ERROR);
        assertThat(r.exitReason()).isEqualTo("Cannot bind to 192.0.2.10");
        assertThat(r.stderrTail()).contains("some noise");
        assertThat(r).hasToString("error (Done): Cannot bind to 192.0.2.10");
    }

    @Test @DisplayName("Exit codes outside OCF's range read as a generic error; 7, 8, 190 are themselves")
    void exitCodes() {
        agents.ocf("pacer", "Code", "exit $OCF_RESKEY_code\n");
        Map<Integer, OcfExitCode> expected = Map.of(7, OcfExitCode.NOT_RUNNING, 8, OcfExitCode.RUNNING_PROMOTED,
                190, OcfExitCode.DEGRADED, 42, OcfExitCode.UNKNOWN_ERROR, 193, OcfExitCode.UNKNOWN_ERROR);
        expected.forEach((code, rc) -> assertThat(run(AgentRequest.of("rsc1", AgentSpec.ocf("pacer", "Code"), "monitor",
                Duration.ofSeconds(20), Map.of("code", code.toString()))).rc()).as("exit %d", code).isEqualTo(rc));
    }

    @Test @DisplayName("A missing agent is NOT_INSTALLED, naming the path, and nothing runs")
    void notInstalled() {
        AgentResult r = run(AgentRequest.of("rsc1", AgentSpec.ocf("pacer", "Missing"), "start", Duration.ofSeconds(20), Map.of()));
        assertThat(r.status()).isEqualTo(ExecStatus.NOT_INSTALLED);
        assertThat(r.rc()).isEqualTo(OcfExitCode.NOT_INSTALLED);
        assertThat(r.exitReason()).contains(agents.host.ocfAgentDir().resolve("pacer/Missing").toString());
        assertThat(r.duration()).isZero();
    }

    @Test @DisplayName("An agent that is not executable is an error with insufficient privileges")
    void notExecutable() throws Exception {
        Path p = agents.ocf("pacer", "NoExec", "exit 0\n");
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        AgentResult r = run(AgentRequest.of("rsc1", AgentSpec.ocf("pacer", "NoExec"), "start", Duration.ofSeconds(20), Map.of()));
        assertThat(r.status()).isEqualTo(ExecStatus.ERROR);
        assertThat(r.rc()).isEqualTo(OcfExitCode.INSUFFICIENT_PRIV);
    }

    @Test @DisplayName("Output is kept as a bounded tail")
    void outputTailIsBounded() {
        agents.ocf("pacer", "Chatty", "i=0; while [ $i -lt 2000 ]; do echo line $i; i=$((i+1)); done\necho last line\n");
        AgentResult r = run(AgentRequest.of("rsc1", AgentSpec.ocf("pacer", "Chatty"), "start", Duration.ofSeconds(20), Map.of()));
        assertThat(r.stdoutTail()).hasSizeLessThanOrEqualTo(RunnerSettings.DEFAULT_TAIL_BYTES).endsWith("last line\n");
    }

    @Test @DisplayName("validate-all runs the agent's validate-all action with the parameters")
    void validateAll() {
        agents.ocf("pacer", "Valid", """
                [ "$1" = validate-all ] || exit 3
                [ -n "$OCF_RESKEY_ip" ] && exit 0
                echo "ocf-exit-reason:ip is required" >&2
                exit 6
                """);
        AgentSpec spec = AgentSpec.ocf("pacer", "Valid");
        assertThat(executor.validate(AgentRequest.of("r", spec, "start", Duration.ofSeconds(5), Map.of("ip", "x"))).join().isOk()).isTrue();
        AgentResult bad = executor.validate(AgentRequest.of("r", spec, "start", Duration.ofSeconds(5), Map.of())).join();
        assertThat(bad.rc()).isEqualTo(OcfExitCode.NOT_CONFIGURED);
        assertThat(bad.exitReason()).isEqualTo("ip is required");
    }
}
