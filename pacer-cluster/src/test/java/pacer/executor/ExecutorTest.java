package pacer.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.agents.AgentExecution;
import pacer.agents.AgentRequest;
import pacer.agents.AgentResult;
import pacer.agents.ExecStatus;
import pacer.agents.OcfExitCode;
import pacer.membership.ClusterBus;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.time.FakeTimers;

/** The executor on a one-node bus with scripted agents and virtual time. */
class ExecutorTest {
    static final Member N1 = new Member("n1", 1);

    /** A bus of one node that is its own DC; sends are recorded and delivered to itself. */
    static final class OneNodeBus implements ClusterBus {
        final List<MessageHandler> handlers = new CopyOnWriteArrayList<>();
        final List<OperationReport> reports = new CopyOnWriteArrayList<>();

        @Override public Member self() { return N1; }

        @Override public Membership membership() { return new Membership(1, List.of(N1), true, Optional.of(N1)); }

        @Override public void start() { }

        @Override public void broadcast(byte[] payload) { send(N1, payload); }

        @Override public void send(Member to, byte[] payload) {
            ExecutorWire.report(payload).ifPresent(reports::add);
            handlers.forEach(h -> h.receive(N1, payload));
        }

        @Override public void onMessage(MessageHandler h) { handlers.add(h); }

        @Override public void onMembership(Consumer<Membership> listener) { }

        @Override public void close() { }
    }

    /** Scripted agents: a resource's monitor answers what {@link #state} says; start/stop set it. */
    static final class FakeAgents implements AgentExecution {
        final Map<String, OcfExitCode> state = new ConcurrentHashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override public CompletableFuture<AgentResult> execute(AgentRequest r) {
            calls.add(r.key());
            OcfExitCode rc = switch (r.action()) {
                case "start" -> { state.put(r.resourceId(), OcfExitCode.OK); yield OcfExitCode.OK; }
                case "stop" -> { state.put(r.resourceId(), OcfExitCode.NOT_RUNNING); yield OcfExitCode.OK; }
                default -> state.getOrDefault(r.resourceId(), OcfExitCode.NOT_RUNNING);
            };
            return CompletableFuture.completedFuture(new AgentResult(ExecStatus.DONE, rc, "", "", "",
                    Instant.parse("2025-03-01T10:00:00Z"), Duration.ofMillis(5)));
        }
    }

    final OneNodeBus bus = new OneNodeBus();
    final FakeAgents agents = new FakeAgents();
    final FakeTimers timers = new FakeTimers(Instant.parse("2025-03-01T10:00:00Z"));
    final Executor executor = new Executor(bus, agents, timers);

    @AfterEach void close() { executor.close(); }

    void request(String key, String op, long interval) {
        bus.send(N1, ExecutorWire.encode(new ExecuteRequest(key, "d1", "ocf:heartbeat:Dummy", op, interval, 20_000,
                Map.of("state", "/x"), Map.of())));
    }

    @Test @DisplayName("Call ids count up; a recurring monitor reports its first result, then changes only; stop cancels it")
    void lifecycle() {
        executor.start();
        request("1:1:7:dc", "monitor", 0);
        request("2:1:0:dc", "start", 0);
        request("3:1:0:dc", "monitor", 10_000);
        await().until(() -> bus.reports.size() == 2);
        timers.runDue();
        await().until(() -> bus.reports.size() == 3);
        assertThat(bus.reports).extracting(OperationReport::callId).containsExactly(1, 2, 3);
        assertThat(bus.reports.get(0).rc()).isEqualTo(7);
        assertThat(bus.reports.get(2).key()).isEqualTo("d1_monitor_10000");
        assertThat(bus.reports.get(1).opDigest()).isEqualTo(OpDigest.of(Map.of("state", "/x")));

        timers.advance(Duration.ofSeconds(10));
        timers.advance(Duration.ofSeconds(10));
        assertThat(bus.reports).hasSize(3); // same verdict: not reported

        agents.state.put("d1", OcfExitCode.NOT_RUNNING);
        timers.advance(Duration.ofSeconds(10));
        await().until(() -> bus.reports.size() == 4);
        assertThat(bus.reports.get(3).rc()).isEqualTo(7);
        assertThat(bus.reports.get(3).callId()).isEqualTo(3);
        assertThat(bus.reports.get(3).transitionKey()).isEqualTo("3:1:0:dc");

        request("4:2:0:dc", "stop", 0);
        await().until(() -> bus.reports.size() == 5);
        int calls = agents.calls.size();
        timers.advance(Duration.ofSeconds(30));
        assertThat(agents.calls).hasSize(calls);
        // A stop forgets the monitor's result: a new DC replaying the history must not bring it back.
        assertThat(executor.history()).containsOnlyKeys("d1_monitor_0", "d1_start_0", "d1_stop_0");
    }

    @Test @DisplayName("stopAll (no quorum, no DC): stops what runs here with its parameters, and nothing stopped or absent")
    void stopAllStopsWhatRuns() throws Exception {
        executor.start();
        request("1:1:0:dc", "start", 0);
        request("2:1:0:dc", "monitor", 10_000);
        await().until(() -> bus.reports.size() == 1);
        timers.runDue();
        await().until(() -> bus.reports.size() == 2);

        assertThat(executor.stopAll("test").get()).containsExactly("d1");
        await().until(() -> bus.reports.size() == 3);
        OperationReport stop = bus.reports.get(2);
        assertThat(stop.key()).isEqualTo("d1_stop_0");
        assertThat(stop.rc()).isZero();
        assertThat(stop.opDigest()).isEqualTo(OpDigest.of(Map.of("state", "/x")));
        int calls = agents.calls.size();
        timers.advance(Duration.ofSeconds(30));
        assertThat(agents.calls).as("the monitor was cancelled before the stop").hasSize(calls);
        assertThat(executor.stopAll("again").get()).as("nothing runs any more").isEmpty();
    }

    @Test @DisplayName("A new DC's history query: every last result in call-id order, and what still runs")
    void historyForNewDc() {
        List<ExecutorHistory> answers = new CopyOnWriteArrayList<>();
        bus.onMessage((from, payload) -> {
            if (ExecutorWire.isControlMessage(payload)) ExecutorWire.history(payload).ifPresent(answers::add);
        });
        CompletableFuture<AgentResult> slow = new CompletableFuture<>();
        Executor gated = new Executor(bus, r -> r.action().equals("start") ? slow : agents.execute(r), timers);
        try {
            gated.start();
            request("1:1:7:dc", "monitor", 0);
            request("2:1:0:dc", "start", 0);
            await().until(() -> bus.reports.size() == 1);
            bus.send(N1, ExecutorWire.historyQuery("q1"));
            await().until(() -> answers.size() == 1);
            assertThat(answers.get(0).query()).isEqualTo("q1");
            assertThat(answers.get(0).results()).extracting(OperationReport::key).containsExactly("d1_monitor_0");
            assertThat(answers.get(0).inFlight()).containsExactly("d1_start_0");

            slow.complete(new AgentResult(ExecStatus.DONE, OcfExitCode.OK, "", "", "", Instant.parse("2025-03-01T10:00:00Z"),
                    Duration.ofMillis(5)));
            await().until(() -> bus.reports.size() == 2);
            bus.send(N1, ExecutorWire.historyQuery("q2"));
            await().until(() -> answers.size() == 2);
            assertThat(answers.get(1).results()).extracting(OperationReport::callId).containsExactly(1, 2);
            assertThat(answers.get(1).inFlight()).isEmpty();
        } finally {
            gated.close();
        }
    }
}
