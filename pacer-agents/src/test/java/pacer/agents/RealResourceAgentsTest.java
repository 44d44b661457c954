package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.agents.metadata.AgentMetadata;

/**
 * Debian's real {@code resource-agents} package. Skipped where it is not installed
 * ({@code apt-get install resource-agents}). IPaddr2 and apache are only asked for meta-data:
 * starting IPaddr2 would change this host's network configuration.
 */
class RealResourceAgentsTest {
    static final Path HEARTBEAT = AgentHost.OCF_ROOT.resolve("resource.d/heartbeat");

    @TempDir Path tmp;
    ResourceAgents executor;

    @BeforeEach void setUp() {
        AgentRunner runner = new AgentRunner(AgentClock.system(), new FakeTimers(),
                RunnerSettings.detect().withSpoolDir(tmp.resolve("spool")));
        executor = new ResourceAgents(AgentHost.detect(), runner);
    }

    private static void assumeInstalled(String agent) {
        assumeTrue(Files.isExecutable(HEARTBEAT.resolve(agent)),
                "resource-agents is not installed (no " + HEARTBEAT.resolve(agent) + "): apt-get install resource-agents");
    }

    @Test @DisplayName("Dummy: probe not running, start, monitor running, stop, monitor not running")
    void dummyLifecycle() {
        assumeInstalled("Dummy");
        Path state = tmp.resolve("dummy.state");
        AgentRequest base = AgentRequest.of("dummy1", AgentSpec.ocf("heartbeat", "Dummy"), "monitor",
                AgentRequest.DEFAULT_TIMEOUT, Map.of("state", state.toString()));

        assertThat(executor.execute(base).join().rc()).as("probe").isEqualTo(OcfExitCode.NOT_RUNNING);
        AgentResult start = executor.execute(base.withAction("start")).join();
        assertThat(start.isOk()).as("start: %s %s", start, start.stderrTail()).isTrue();
        assertThat(state).exists();
        assertThat(executor.execute(base.withInterval(10_000)).join().isOk()).as("recurring monitor").isTrue();
        assertThat(executor.execute(base.withAction("stop")).join().isOk()).as("stop").isTrue();
        assertThat(state).doesNotExist();
        assertThat(executor.execute(base).join().rc()).isEqualTo(OcfExitCode.NOT_RUNNING);
    }

    @Test @DisplayName("Dummy: validate-all accepts a state file in an existing directory")
    void dummyValidate() {
        assumeInstalled("Dummy");
        AgentResult r = executor.validate(AgentRequest.of("dummy1", AgentSpec.ocf("heartbeat", "Dummy"), "start",
                AgentRequest.DEFAULT_TIMEOUT, Map.of("state", tmp.resolve("d.state").toString()))).join();
        assertThat(r.isOk()).as("%s %s", r, r.stderrTail()).isTrue();
    }

    @Test @DisplayName("Dummy meta-data: state and fake parameters, 20s actions, monitor every 10s")
    void dummyMetadata() {
        assumeInstalled("Dummy");
        AgentMetadata md = executor.metadata(AgentSpec.ocf("heartbeat", "Dummy")).join();
        assertThat(md.name()).isEqualTo("Dummy");
        assertThat(md.parameter("state").orElseThrow().unique()).isTrue();
        assertThat(md.parameter("fake").orElseThrow().defaultValue()).hasValue("dummy");
        assertThat(md.defaultTimeoutMs("start")).hasValue(20_000);
        assertThat(md.action("monitor").orElseThrow().intervalMs()).hasValue(10_000);
        assertThat(md.supports("validate-all")).isTrue();
    }

    @Test @DisplayName("IPaddr2 meta-data: ip is required and unique")
    void ipaddr2Metadata() {
        assumeInstalled("IPaddr2");
        AgentMetadata md = executor.metadata(AgentSpec.ocf("heartbeat", "IPaddr2")).join();
        assertThat(md.name()).isEqualTo("IPaddr2");
        assertThat(md.requiredParameters()).extracting(p -> p.name()).contains("ip");
        assertThat(md.parameter("ip").orElseThrow().unique()).isTrue();
        assertThat(md.parameter("cidr_netmask")).isPresent();
        assertThat(md.defaultTimeoutMs("start")).isPresent();
        assertThat(md.supports("monitor")).isTrue();
    }

    @Test @DisplayName("apache meta-data: configfile and statusurl, with defaults")
    void apacheMetadata() {
        assumeInstalled("apache");
        AgentMetadata md = executor.metadata(AgentSpec.ocf("heartbeat", "apache")).join();
        assertThat(md.name()).isEqualTo("apache");
        assertThat(md.parameter("configfile").orElseThrow().defaultValue()).isPresent();
        assertThat(md.parameter("statusurl")).isPresent();
        assertThat(md.defaultTimeoutMs("start")).isPresent();
        assertThat(md.parameters().size()).isGreaterThan(5);
    }

    @Test @DisplayName("A missing heartbeat agent is NOT_INSTALLED naming its path under /usr/lib/ocf")
    void missingRealAgent() {
        AgentResult r = executor.execute(AgentRequest.of("x", AgentSpec.ocf("heartbeat", "NoSuchAgent"), "start",
                Duration.ofSeconds(5), Map.of())).join();
        assertThat(r.status()).isEqualTo(ExecStatus.NOT_INSTALLED);
        assertThat(r.exitReason()).isEqualTo("/usr/lib/ocf/resource.d/heartbeat/NoSuchAgent: No such file or directory");
    }
}
