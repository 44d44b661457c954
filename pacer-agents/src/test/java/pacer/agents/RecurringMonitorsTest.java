package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Recurring monitors on virtual time with scripted results: fully deterministic. */
class RecurringMonitorsTest {
    static final AgentSpec DUMMY = AgentSpec.ocf("heartbeat", "Dummy");
    static final Duration INTERVAL = Duration.ofSeconds(10);

    final FakeTimers timers = new FakeTimers();
    final List<AgentRequest> executed = new ArrayList<>();
    final Deque<CompletableFuture<AgentResult>> inFlight = new ArrayDeque<>();
    final List<MonitorChange> reports = new ArrayList<>();
    /** Completes each run at once with the next scripted result, or leaves it in flight when none is scripted. */
    final Deque<OcfExitCode> script = new ArrayDeque<>();

    final AgentExecution scripted = request -> {
        executed.add(request);
        CompletableFuture<AgentResult> f = new CompletableFuture<>();
        if (script.isEmpty()) inFlight.add(f);
        else f.complete(result(script.poll()));
        return f;
    };
    final RecurringMonitors monitors = new RecurringMonitors(scripted, timers, reports::add);

    static AgentResult result(OcfExitCode rc) {
        return new AgentResult(ExecStatus.DONE, rc, "", "", "", Instant.EPOCH, Duration.ZERO);
    }

    static AgentRequest monitor(String rsc) {
        return new AgentRequest(rsc, DUMMY, "monitor", INTERVAL.toMillis(), Duration.ofSeconds(20), Map.of(), Map.of());
    }

    @Test @DisplayName("The first run waits for start-delay, the next ones one interval after the previous")
    void startDelayThenInterval() {
        script.addAll(List.of(OcfExitCode.OK, OcfExitCode.OK, OcfExitCode.OK));
        monitors.start(monitor("rsc1"), Duration.ofSeconds(5));
        timers.advance(Duration.ofSeconds(4));
        assertThat(executed).isEmpty();
        timers.advance(Duration.ofSeconds(1));
        assertThat(executed).hasSize(1);
        timers.advance(INTERVAL.minusSeconds(1));
        assertThat(executed).hasSize(1);
        timers.advance(Duration.ofSeconds(1));
        assertThat(executed).hasSize(2);
        timers.advance(INTERVAL);
        assertThat(executed).hasSize(3);
        assertThat(executed).allMatch(r -> r.key().equals("rsc1_monitor_10000"));
    }

    @Test @DisplayName("Only changes are reported: OK, OK, not running, not running, OK gives three reports")
    void reportsChangesOnly() {
        script.addAll(List.of(OcfExitCode.OK, OcfExitCode.OK, OcfExitCode.NOT_RUNNING, OcfExitCode.NOT_RUNNING, OcfExitCode.OK));
        monitors.start(monitor("rsc1"), Duration.ZERO);
        timers.advance(INTERVAL.multipliedBy(4));
        assertThat(executed).hasSize(5);
        assertThat(reports).extracting(c -> c.result().rc())
                .containsExactly(OcfExitCode.OK, OcfExitCode.NOT_RUNNING, OcfExitCode.OK);
        assertThat(reports.get(0).previous()).isEmpty();
        assertThat(reports.get(1).previous().orElseThrow().rc()).isEqualTo(OcfExitCode.OK);
        assertThat(reports.get(1).key()).isEqualTo(new MonitorKey("rsc1", 10_000));
        assertThat(monitors.lastResult(new MonitorKey("rsc1", 10_000)).orElseThrow().rc()).isEqualTo(OcfExitCode.OK);
    }

    @Test @DisplayName("A change of execution status alone (done → timed out) is a change")
    void statusChangeIsAChange() {
        AgentResult timedOut = new AgentResult(ExecStatus.TIMEOUT, OcfExitCode.UNKNOWN_ERROR, "", "", "", Instant.EPOCH, Duration.ZERO);
        AgentResult failed = result(OcfExitCode.UNKNOWN_ERROR);
        Deque<AgentResult> results = new ArrayDeque<>(List.of(failed, timedOut, timedOut));
        RecurringMonitors m = new RecurringMonitors(r -> CompletableFuture.completedFuture(results.poll()), timers, reports::add);
        m.start(monitor("rsc1"), Duration.ZERO);
        timers.advance(INTERVAL.multipliedBy(2));
        assertThat(reports).extracting(c -> c.result().status()).containsExactly(ExecStatus.DONE, ExecStatus.TIMEOUT);
    }

    @Test @DisplayName("Cancel on stop: no further runs, and a result still in flight is dropped")
    void cancelOnStop() {
        script.add(OcfExitCode.OK);
        monitors.start(monitor("rsc1"), Duration.ZERO);
        monitors.start(monitor("rsc1").withInterval(30_000), Duration.ZERO);
        monitors.start(monitor("rsc2"), Duration.ZERO);
        timers.advance(Duration.ZERO);
        assertThat(executed).hasSize(3);
        assertThat(inFlight).hasSize(2);
        assertThat(monitors.active()).hasSize(3);

        assertThat(monitors.cancelAll("rsc1")).isEqualTo(2);
        assertThat(monitors.active()).containsExactly(new MonitorKey("rsc2", 10_000));
        inFlight.forEach(f -> f.complete(result(OcfExitCode.NOT_RUNNING)));
        assertThat(reports).extracting(c -> c.key().resourceId()).containsExactly("rsc1", "rsc2");

        timers.advance(INTERVAL.multipliedBy(5));
        assertThat(executed).filteredOn(r -> r.resourceId().equals("rsc1")).hasSize(2);
    }

    @Test @DisplayName("Starting the same (resource, interval) again replaces the old monitor")
    void replace() {
        script.addAll(List.of(OcfExitCode.OK, OcfExitCode.OK, OcfExitCode.OK));
        monitors.start(monitor("rsc1"), Duration.ofSeconds(5));
        monitors.start(monitor("rsc1"), Duration.ofSeconds(1));
        timers.advance(Duration.ofSeconds(5));
        assertThat(executed).hasSize(1);
        assertThat(monitors.active()).hasSize(1);
        assertThat(monitors.cancel(new MonitorKey("rsc1", 10_000))).isTrue();
        assertThat(monitors.cancel(new MonitorKey("rsc1", 10_000))).isFalse();
        assertThat(timers.pending()).isZero();
    }

    @Test @DisplayName("A one-shot request is refused")
    void refusesOneShot() {
        assertThatThrownBy(() -> monitors.start(monitor("rsc1").withInterval(0), Duration.ZERO))
                .hasMessageContaining("not recurring");
    }
}
