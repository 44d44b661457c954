package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timeouts and cancels on virtual time: the test advances the fake timers past the timeout and
 * the kill grace, then waits (generously) for the processes to be gone. Nothing here measures time.
 */
class AgentTimeoutTest {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Duration AWAIT = Duration.ofSeconds(30);

    @TempDir Path tmp;
    TestAgents agents;
    FakeTimers timers = new FakeTimers();
    Path pids;

    @BeforeEach void setUp() {
        agents = new TestAgents(tmp);
        pids = tmp.resolve("pids");
    }

    /** An agent that forks a sleeping child, records both pids, then sleeps itself. */
    private AgentSpec sleeper(String prelude) {
        agents.ocf("pacer", "Sleeper", prelude + """
                sleep 1000 &
                echo "$$ $!" > "$OCF_RESKEY_pids.tmp" && mv "$OCF_RESKEY_pids.tmp" "$OCF_RESKEY_pids"
                wait
                """);
        return AgentSpec.ocf("pacer", "Sleeper");
    }

    private RunningAgent start(ResourceAgents executor, AgentSpec spec) {
        RunningAgent running = executor.start(AgentRequest.of("rsc1", spec, "start", TIMEOUT, Map.of("pids", pids.toString())));
        await().atMost(AWAIT).until(() -> Files.exists(pids));
        return running;
    }

    private List<Long> recordedPids() throws Exception {
        return Arrays.stream(Files.readString(pids).trim().split("\\s+")).map(Long::parseLong).toList();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private void awaitAllGone(List<Long> processes) {
        await().atMost(AWAIT).untilAsserted(() -> assertThat(processes).noneMatch(AgentTimeoutTest::alive));
    }

    @Test @DisplayName("Timeout: TERM to the whole process group ends the agent and its child; result Timed Out")
    void timeoutTerminatesAgentAndChild() throws Exception {
        ResourceAgents executor = new ResourceAgents(agents.host, agents.runner(timers));
        RunningAgent running = start(executor, sleeper(""));
        List<Long> processes = recordedPids();
        assertThat(processes).allMatch(AgentTimeoutTest::alive);
        assertThat(running.pid()).isEqualTo(processes.get(0));

        timers.advance(TIMEOUT);
        AgentResult r = running.result().get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(ExecStatus.TIMEOUT);
        assertThat(r.status().description()).isEqualTo("Timed Out");
        assertThat(r.rc()).isEqualTo(OcfExitCode.UNKNOWN_ERROR);
        assertThat(r.exitReason()).isEqualTo("rsc1_start_0 did not complete within 20s");
        assertThat(r.duration()).isEqualTo(TIMEOUT);
        awaitAllGone(processes);
    }

    @Test @DisplayName("Timeout of an agent that ignores TERM: KILL after the grace period ends both")
    void killAfterGrace() throws Exception {
        ResourceAgents executor = new ResourceAgents(agents.host, agents.runner(timers));
        RunningAgent running = start(executor, sleeper("trap '' TERM\n"));
        List<Long> processes = recordedPids();

        timers.advance(TIMEOUT);
        assertThat(processes).as("TERM is ignored").allMatch(AgentTimeoutTest::alive);
        assertThat(running.result()).isNotDone();

        timers.advance(RunnerSettings.DEFAULT_KILL_GRACE);
        assertThat(running.result().get(AWAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(ExecStatus.TIMEOUT);
        awaitAllGone(processes);
    }

    @Test @DisplayName("Timeout reaches a grandchild that left the process tree (double fork) through the group")
    void groupKillReachesDaemonizedGrandchild() throws Exception {
        Path grandchild = tmp.resolve("grandchild");
        agents.ocf("pacer", "Daemon", """
                ( sleep 1000 & echo $! > "$OCF_RESKEY_gc.tmp" && mv "$OCF_RESKEY_gc.tmp" "$OCF_RESKEY_gc" ) &
                wait
                sleep 1000
                """);
        ResourceAgents executor = new ResourceAgents(agents.host, agents.runner(timers));
        RunningAgent running = executor.start(AgentRequest.of("rsc1", AgentSpec.ocf("pacer", "Daemon"), "start",
                TIMEOUT, Map.of("gc", grandchild.toString())));
        await().atMost(AWAIT).until(() -> Files.exists(grandchild));
        long gc = Long.parseLong(Files.readString(grandchild).trim());
        assertThat(ProcessHandle.of(running.pid()).orElseThrow().descendants().map(ProcessHandle::pid))
                .as("the grandchild was re-parented away").doesNotContain(gc);

        timers.advance(TIMEOUT);
        timers.advance(RunnerSettings.DEFAULT_KILL_GRACE);
        assertThat(running.result().get(AWAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(ExecStatus.TIMEOUT);
        awaitAllGone(List.of(running.pid(), gc));
    }

    @Test @DisplayName("Without setsid, a timeout still ends the agent and its descendants")
    void withoutSetsid() throws Exception {
        AgentRunner runner = new AgentRunner(timers, timers,
                RunnerSettings.detect().withoutSetsid().withSpoolDir(tmp.resolve("spool")));
        ResourceAgents executor = new ResourceAgents(agents.host, runner);
        RunningAgent running = start(executor, sleeper(""));
        List<Long> processes = recordedPids();

        timers.advance(TIMEOUT);
        timers.advance(RunnerSettings.DEFAULT_KILL_GRACE);
        assertThat(running.result().get(AWAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(ExecStatus.TIMEOUT);
        awaitAllGone(processes);
    }

    @Test @DisplayName("Cancel ends the agent's group and reports Cancelled with rc 0; the timeout no longer fires")
    void cancel() throws Exception {
        ResourceAgents executor = new ResourceAgents(agents.host, agents.runner(timers));
        RunningAgent running = start(executor, sleeper(""));
        List<Long> processes = recordedPids();

        running.cancel();
        AgentResult r = running.result().get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(ExecStatus.CANCELLED);
        assertThat(r.rc()).isEqualTo(OcfExitCode.OK);
        timers.advance(RunnerSettings.DEFAULT_KILL_GRACE);
        awaitAllGone(processes);
        assertThat(timers.pending()).isZero();
    }

    @Test @DisplayName("An agent that finishes in time is not signalled, and its timeout is cancelled")
    void finishedAgentKeepsItsChildren() throws Exception {
        agents.ocf("pacer", "Spawner", """
                sleep 1000 > /dev/null 2>&1 &
                echo $! > "$OCF_RESKEY_pids"
                exit 0
                """);
        ResourceAgents executor = new ResourceAgents(agents.host, agents.runner(timers));
        AgentResult r = executor.execute(AgentRequest.of("rsc1", AgentSpec.ocf("pacer", "Spawner"), "start", TIMEOUT,
                Map.of("pids", pids.toString()))).get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.isOk()).isTrue();
        assertThat(timers.pending()).isZero();
        long daemon = Long.parseLong(Files.readString(pids).trim());
        assertThat(alive(daemon)).as("a started daemon survives its start action").isTrue();
        ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
    }
}
