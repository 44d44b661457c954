package pacer.executor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import pacer.agents.AgentExecution;
import pacer.agents.AgentRequest;
import pacer.agents.AgentResult;
import pacer.agents.AgentSpec;
import pacer.agents.AgentTimers;
import pacer.agents.ExecStatus;
import pacer.agents.MonitorChange;
import pacer.agents.MonitorKey;
import pacer.agents.OcfExitCode;
import pacer.agents.RecurringMonitors;
import pacer.membership.ClusterBus;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.time.Timers;

/**
 * This node's executor: runs what the DC asks, through {@code pacer.agents}, and reports every
 * result to the DC.
 *
 * <ul>
 *   <li>Each request gets the next <b>call id</b>; a recurring monitor keeps the call id of the
 *       request that started it, for every change it reports (as Pacemaker's executor does).
 *   <li>A <b>stop</b> first cancels the resource's recurring monitors, so that no monitor of a
 *       stopped resource reports "not running" as a failure.
 *   <li>A <b>recurring monitor</b> ({@code monitor} with an interval) is handed to
 *       {@link RecurringMonitors}: its first result and then each change are reported.
 *   <li>The <b>history</b> keeps the last report of each operation key; {@link #history()}.
 *   <li>Reports go to the DC of the current membership; while there is none they wait and are sent
 *       to the next DC, so a result is not lost because the DC changed while the agent ran.
 *   <li>A new DC asks for the <b>history</b> ({@link ExecutorWire#historyQuery(String)}): the
 *       executor answers with every last result and the operations still running
 *       ({@link ExecutorHistory}), so that a result sent to a DC that died unrecorded is not lost.
 *       A stop forgets the resource's recurring monitors' results, which must not come back.
 *   <li>{@link #stopAll} stops, without a DC, every resource this node may run (the controller's
 *       reaction to a quorum loss under {@code no-quorum-policy=stop}).
 * </ul>
 *
 * <p>Threading: one role thread ({@code executor-<node>}) owns every field below the constructor
 * arguments. Bus callbacks, agent completions and monitor changes only hand work to it.
 */
public final class Executor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Executor.class);

    private final ClusterBus bus;
    private final AgentExecution agents;
    private final Timers timers;
    private final String node;
    private final ExecutorService thread;
    private final RecurringMonitors monitors;

    // Role thread only.
    private int nextCallId = 1;
    private final Map<String, OperationReport> history = new LinkedHashMap<>();
    private final Map<MonitorKey, ExecuteRequest> monitorRequests = new HashMap<>();
    private final Map<MonitorKey, Integer> monitorCallIds = new HashMap<>();
    private final Deque<OperationReport> outbox = new ArrayDeque<>();
    /** Non-recurring operations running now, by {@code RSC_OP_INTERVAL} key. */
    private final Map<String, Integer> running = new LinkedHashMap<>();
    /** Resources this executor may have running (started, found running, or failed to stop), by id: the request. */
    private final Map<String, ExecuteRequest> active = new LinkedHashMap<>();
    private boolean closed;

    public Executor(ClusterBus bus, AgentExecution agents, Timers timers) {
        this.bus = bus;
        this.agents = agents;
        this.timers = timers;
        this.node = bus.self().name();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                MDC.put("node", node);
                r.run();
            }, "executor-" + node);
            t.setDaemon(true);
            return t;
        });
        AgentTimers agentTimers = (delay, task) -> timers.schedule(delay, task)::cancel;
        this.monitors = new RecurringMonitors(agents, agentTimers, change -> run(() -> monitorChanged(change)));
    }

    /** Registers with the bus; call before {@link ClusterBus#start()}. */
    public void start() {
        bus.onMessage((from, payload) -> {
            if (!ExecutorWire.isControlMessage(payload)) return;
            run(() -> received(from, payload));
        });
        bus.onMembership(m -> run(this::flush));
    }

    /** The last report of each operation key on this node; any thread (waits for the role thread). */
    public Map<String, OperationReport> history() {
        CompletableFuture<Map<String, OperationReport>> f = new CompletableFuture<>();
        run(() -> f.complete(Map.copyOf(history)));
        return f.orTimeout(10, TimeUnit.SECONDS).join();
    }

    // ---- role thread

    private void received(Member from, byte[] payload) {
        Optional<ExecuteRequest> request;
        try {
            request = ExecutorWire.request(payload);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed control message from {}: {}", from, e.getMessage());
            return;
        }
        if (request.isPresent()) {
            execute(request.get());
            return;
        }
        ExecutorWire.historyQuery(payload).ifPresent(id -> answerHistory(from, id));
    }

    private void answerHistory(Member dc, String query) {
        List<OperationReport> results = history.values().stream()
                .sorted(java.util.Comparator.comparingInt(OperationReport::callId)).toList();
        log.info("History for the DC {} (query {}): {} results, {} operations running", dc, query, results.size(),
                running.size());
        bus.send(dc, ExecutorWire.encode(new ExecutorHistory(node, query, results, List.copyOf(running.keySet()))));
    }

    /**
     * Stops, on this node alone, every resource this executor may have running (started, found
     * running by a probe, or whose stop failed), with the parameters it was started with: the
     * {@code no-quorum-policy=stop} reaction of a node whose partition lost quorum, which has no
     * DC to ask. The results are reported like any other, to the next DC. Any thread.
     *
     * @return completes, on the role thread, with the resources whose stop was initiated
     */
    public CompletableFuture<List<String>> stopAll(String reason) {
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        run(() -> {
            List<ExecuteRequest> stops = active.values().stream().map(r -> new ExecuteRequest(
                    new TransitionKey(-1, -1, 0, "local").toString(), r.resource(), r.agent(), "stop", 0,
                    r.timeoutMs(), r.params(), r.meta())).toList();
            if (!stops.isEmpty()) {
                log.warn("Stopping {} resource(s) on this node ({}): {}", stops.size(), reason,
                        stops.stream().map(ExecuteRequest::resource).toList());
            }
            stops.forEach(this::execute);
            f.complete(stops.stream().map(ExecuteRequest::resource).toList());
        });
        return f;
    }

    /** Runs one request (role thread). */
    void execute(ExecuteRequest r) {
        if (closed) return;
        int callId = nextCallId++;
        long received = timers.nanoTime();
        AgentRequest agentRequest;
        try {
            agentRequest = new AgentRequest(r.resource(), AgentSpec.parse(r.agent()), r.operation(), r.intervalMs(),
                    Duration.ofMillis(Math.max(1, r.timeoutMs())), r.params(), r.meta());
        } catch (IllegalArgumentException e) {
            report(r, callId, new AgentResult(ExecStatus.ERROR_FATAL, OcfExitCode.NOT_CONFIGURED, e.getMessage(), "", "",
                    timers.now(), Duration.ZERO), 0);
            return;
        }
        log.atInfo().addKeyValue("rsc", r.resource()).addKeyValue("op", r.key())
                .log("Executing {} (call {}, key {})", r.key(), callId, r.transitionKey());
        if (r.operation().equals("stop")) {
            int cancelled = monitors.cancelAll(r.resource());
            monitorRequests.keySet().removeIf(k -> k.resourceId().equals(r.resource()));
            history.values().removeIf(h -> h.resource().equals(r.resource()) && h.intervalMs() > 0);
            if (cancelled > 0) log.info("Cancelled {} recurring monitor(s) of {} before stopping it", cancelled, r.resource());
        }
        if (r.intervalMs() > 0) {
            MonitorKey key = MonitorKey.of(agentRequest);
            monitorRequests.put(key, r);
            monitorCallIds.put(key, callId);
            long delay = parseLong(r.meta().get("start-delay"));
            monitors.start(agentRequest, Duration.ofMillis(delay));
            return;
        }
        long queued = (timers.nanoTime() - received) / 1_000_000;
        running.put(r.key(), callId);
        agents.execute(agentRequest).whenComplete((result, error) -> run(() -> {
            AgentResult res = result != null ? result : new AgentResult(ExecStatus.ERROR, OcfExitCode.UNKNOWN_ERROR,
                    String.valueOf(error), "", "", timers.now(), Duration.ZERO);
            report(r, callId, res, queued);
        }));
    }

    private void monitorChanged(MonitorChange change) {
        ExecuteRequest r = monitorRequests.get(change.key());
        if (r == null || closed) return; // cancelled meanwhile
        report(r, monitorCallIds.get(change.key()), change.result(), 0);
    }

    private void report(ExecuteRequest r, int callId, AgentResult res, long queueMs) {
        if (closed) return;
        Instant at = res.startedAt().plus(res.duration());
        OperationReport report = new OperationReport(node, r.transitionKey(), r.resource(), r.agent(), r.operation(),
                r.intervalMs(), callId, res.status().code(), res.rc().code(), res.exitReason(), at.getEpochSecond(),
                res.duration().toMillis(), queueMs, OpDigest.of(r.params()));
        history.put(report.key(), report);
        if (r.intervalMs() == 0) {
            running.remove(r.key(), callId);
            trackActive(r, res);
        }
        log.atInfo().addKeyValue("rsc", r.resource()).addKeyValue("op", r.key())
                .log("Result of {} (call {}): {}", r.key(), callId, res);
        outbox.add(report);
        flush();
    }

    /** What {@link #stopAll} would stop: a start (whatever its result), a probe that found it running. */
    private void trackActive(ExecuteRequest r, AgentResult res) {
        boolean done = res.status() == ExecStatus.DONE;
        switch (r.operation()) {
            case "start", "promote", "demote", "migrate_from" -> active.put(r.resource(), r);
            case "stop" -> {
                if (done && res.rc() == OcfExitCode.OK) active.remove(r.resource());
                else active.putIfAbsent(r.resource(), r);
            }
            case "monitor" -> {
                if (done && res.rc() == OcfExitCode.NOT_RUNNING) active.remove(r.resource());
                else if (done && (res.rc() == OcfExitCode.OK || res.rc() == OcfExitCode.RUNNING_PROMOTED)) {
                    active.putIfAbsent(r.resource(), r);
                }
            }
            default -> { }
        }
    }

    private void flush() {
        Membership m = bus.membership();
        Optional<Member> dc = m == null ? Optional.empty() : m.dc();
        if (dc.isEmpty()) return;
        for (OperationReport r; (r = outbox.poll()) != null; ) bus.send(dc.get(), ExecutorWire.encode(r));
    }

    private static long parseLong(String s) {
        if (s == null) return 0;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Unexpected failure on the executor thread", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("The executor has stopped; dropping a task");
        }
    }

    /** Cancels every recurring monitor and stops the role thread; agents still running finish unreported. */
    @Override public void close() {
        run(() -> {
            closed = true;
            for (MonitorKey k : List.copyOf(monitors.active())) monitors.cancel(k);
            monitorRequests.clear();
        });
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
