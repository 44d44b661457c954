package pacer.controller;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.Cib;
import pacer.cib.ClusterOption;
import pacer.cib.NodeState;
import pacer.cib.xml.XmlElement;
import pacer.executor.ExecuteRequest;
import pacer.executor.ExecutorHistory;
import pacer.executor.ExecutorWire;
import pacer.executor.OperationReport;
import pacer.executor.TransitionKey;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.scheduler.Scheduler;
import pacer.scheduler.Transition;
import pacer.scheduler.graph.GraphAction;
import pacer.scheduler.graph.TransitionGraph;
import pacer.store.CibOperation;
import pacer.store.WriteResult;
import pacer.time.Timers;

/**
 * The controller on the DC: a level-triggered reconcile loop (after controller-runtime's
 * {@code Reconciler}). Anything that may matter (a CIB change, a membership change, a result, a
 * timer) only marks the loop dirty; the loop then reads the whole CIB, runs the scheduler with
 * "now" from the injected clock, and walks the graph. It never applies an event as a delta.
 *
 * <p>The cycle, as Pacemaker's controller runs it (its FSA in {@code controld_fsa.h} says the same
 * in 13 states):
 * <ol>
 *   <li><b>Wait</b> until the CIB can be trusted to describe the cluster: every member's executor
 *       has sent its operation history and finished what the previous DC started
 *       ({@link HistorySync}; results the CIB lacks are recorded), no transition running,
 *       none of this role's CIB writes in flight, quorum (or no-quorum-policy=ignore), every
 *       member in {@code configuration/nodes} and its {@code node_state} following the
 *       membership (the CIB layer writes that after each view).</li>
 *   <li><b>Schedule</b>: {@code Scheduler.schedule(cib, now)}. An empty graph means the cluster is
 *       where it should be: arm the recheck timer (cluster-recheck-interval, or the next
 *       failure-timeout expiry) and rest.</li>
 *   <li><b>Execute</b> the graph with a {@link TransitionRunner}: resource actions go to the
 *       executors ({@link ExecuteRequest} over the bus), fencing to the {@link pacer.fencing.Fencer},
 *       pseudo actions complete at once. Each action has a timer: its timeout plus
 *       {@link ControllerSettings#actionSlack()}.</li>
 *   <li><b>Record</b> every result in the status as one batched write ({@link ResultRecorder},
 *       {@link LrmRecord}): the history entry, on a failure the {@code last_failure} entry, the
 *       fail count and last-failure time. A node shutting down that runs nothing any more is let
 *       go ({@code expected="down"}, {@link NodeLifecycle}).</li>
 *   <li><b>Abort</b> on the unexpected: a result other than expected, a failure reported by a
 *       recurring monitor, a membership change, a configuration change. In-flight actions are
 *       waited for (actions on nodes that left fail at once), then the loop schedules again.</li>
 * </ol>
 *
 * <p>Threading: every method runs on the controller's role thread; CIB write completions, fencing
 * completions and timers hop back to it through {@code post}.
 */
final class DcRole implements Role {
    private static final Logger log = LoggerFactory.getLogger(DcRole.class);

    private final ControllerContext ctx;
    private final String uuid = UUID.randomUUID().toString();
    private Membership membership;
    private TransitionRunner runner;
    private XmlElement scheduledConfiguration;
    private int transitions;
    private boolean dirty = true;
    private final DcFencing fencing;
    private boolean kicked;
    private boolean stopped;
    private int pendingWrites;
    private Timers.Cancellable recheck;
    private String waitingFor = "";
    /** Transition key → the action waiting for its result. */
    private final Map<String, Awaiting> awaiting = new LinkedHashMap<>();
    private final ResultRecorder recorder;
    private final HistorySync history;

    private record Awaiting(TransitionRunner runner, GraphAction action, Timers.Cancellable timer) {}

    DcRole(ControllerContext ctx, Membership membership) {
        this.ctx = ctx;
        this.fencing = new DcFencing(ctx, this::write, reason -> {
            abort(reason);
            kick();
        });
        this.membership = membership;
        this.recorder = new ResultRecorder(this::write, ctx::post);
        this.history = new HistorySync(ctx, ctx.settings().historyTimeout(), this::kick);
        log.atInfo().addKeyValue("dc", ctx.self()).log("{} is the DC: taking over the controller", ctx.self());
        ctx.event(ControllerEvent.Kind.BECAME_DC, ctx.self());
        history.membership(membership);
        kick();
    }

    // ---- events: each only marks the loop dirty (and aborts what no longer holds)

    @Override public void membershipChanged(Membership m) {
        membership = m;
        history.membership(m);
        for (Map.Entry<String, Awaiting> e : List.copyOf(awaiting.entrySet())) {
            GraphAction a = e.getValue().action();
            if (!m.contains(a.node())) {
                log.warn("Action {} on {} is lost: the node left the cluster", a.key(), a.node());
                finish(e.getKey(), false);
            }
        }
        abort("membership changed");
        kick();
    }

    @Override public void cibChanged(Cib cib) {
        if (runner != null && scheduledConfiguration != null
                && !Objects.equals(cib.xml().child("configuration").orElse(null), scheduledConfiguration)) {
            abort("the configuration changed");
        }
        kick();
    }

    @Override public void reportReceived(OperationReport r) {
        ctx.event(ControllerEvent.Kind.RESULT, r.node() + ":" + r.key() + ":" + r.rc());
        history.resultArrived(r);
        recorder.record(r, ctx.cib().read());
        Awaiting a = awaiting.get(r.transitionKey());
        boolean expected = LrmRecord.asExpected(r);
        if (a != null) {
            log.atInfo().addKeyValue("transition", a.runner().id()).addKeyValue("rsc", r.resource())
                    .addKeyValue("op", r.key()).addKeyValue("node", r.node())
                    .log("Action {} ({}) on {}: rc={} status={}{}", a.action().id(), r.key(), r.node(), r.rc(), r.opStatus(),
                            expected ? "" : " (expected rc " + r.expectedRc() + "): aborting the transition");
            finish(r.transitionKey(), expected);
        } else if (!expected) {
            log.atInfo().addKeyValue("rsc", r.resource()).addKeyValue("op", r.key()).addKeyValue("node", r.node())
                    .log("{} on {} reports rc={} status={}: {}", r.key(), r.node(), r.rc(), r.opStatus(),
                            r.exitReason().isEmpty() ? "rescheduling" : r.exitReason());
            abort(r.key() + " on " + r.node() + " failed");
        }
        kick();
    }

    @Override public void historyReceived(ExecutorHistory h) {
        if (!history.answered(h)) return;
        Cib cib = ctx.cib().read();
        if (history.takeRejoined(h.node())) {
            log.atInfo().addKeyValue("node", h.node()).log("{} joined: its operation history ({} result(s)) replaces"
                    + " what the CIB said of it", h.node(), h.results().size());
            recorder.replaceNodeHistory(h.node(), h.results(), cib);
            abort("the operation history of " + h.node() + " was replaced on its join");
            kick();
            return;
        }
        List<OperationReport> missing = h.results().stream().filter(r -> ResultRecorder.missing(r, cib)).toList();
        if (!missing.isEmpty()) {
            log.atInfo().addKeyValue("node", h.node()).log("Recording {} result(s) from {}'s history that the CIB lacks: {}",
                    missing.size(), h.node(), missing.stream().map(r -> r.key() + " call " + r.callId())
                            .collect(Collectors.joining(", ")));
            recorder.recordAll(missing, cib);
            abort("results recovered from " + h.node() + "'s history");
        }
        kick();
    }

    @Override public void fencingRequested(FencingRequest request, Consumer<FencingOutcome> answer) {
        fencing.requested(request, answer);
    }

    @Override public void stop() {
        stopped = true;
        history.stop();
        if (recheck != null) recheck.cancel();
        awaiting.values().forEach(a -> a.timer().cancel());
        awaiting.clear();
        if (runner != null) runner.abort("no longer the DC");
        log.info("{} is no longer the DC", ctx.self());
    }

    private void abort(String reason) {
        if (runner != null && !runner.aborted() && !runner.ended()) {
            log.atInfo().addKeyValue("transition", runner.id()).log("Transition {} aborted: {}", runner.id(), reason);
            runner.abort(reason);
        }
    }

    private void kick() {
        dirty = true;
        if (kicked || stopped) return;
        kicked = true;
        ctx.post(this::reconcile);
    }

    // ---- the loop

    private void reconcile() {
        kicked = false;
        if (stopped || !dirty || runner != null || pendingWrites > 0) return;
        Cib cib = ctx.cib().read();
        Optional<String> wait = waitReason(cib);
        if (wait.isPresent()) {
            if (!wait.get().equals(waitingFor)) log.info("Not scheduling yet: {}", wait.get());
            waitingFor = wait.get();
            return;
        }
        waitingFor = "";
        if (housekeeping(cib)) return;
        dirty = false;
        Instant now = ctx.timers().now();
        long t0 = ctx.timers().nanoTime();
        Transition t = Scheduler.schedule(cib, now);
        List<CibOperation> down = NodeLifecycle.shutDownDone(cib, t.status());
        if (!down.isEmpty()) {
            write(CibOperation.batch(down));
            dirty = true;
            return;
        }
        int id = transitions++;
        ctx.event(ControllerEvent.Kind.SCHEDULED, id + " " + (ctx.timers().nanoTime() - t0) / 1000 + "us");
        TransitionGraph graph = t.graph().isEmpty() ? MissingMonitors.of(cib) : t.graph();
        if (graph.isEmpty()) {
            log.atDebug().addKeyValue("transition", id).log("Transition {}: nothing to do", id);
            armRecheck(cib, now);
            return;
        }
        log.atInfo().addKeyValue("transition", id).log("Transition {}: {} actions ({})", id, graph.actions().size(),
                t.graph().isEmpty() ? "recurring monitors the history lacks: " + graph.actions().stream()
                        .map(a -> a.key() + "@" + a.node()).collect(Collectors.joining(", "))
                        : t.summary().stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining("; ")));
        if (log.isDebugEnabled()) {
            graph.actions().forEach(a -> log.debug("  action {}: {} {}{} after {}", a.id(), a.kind(), a.key(),
                    a.node().isEmpty() ? "" : " on " + a.node(), a.inputs()));
        }
        scheduledConfiguration = cib.xml().child("configuration").orElse(null);
        runner = new TransitionRunner(id, graph, batchLimit(cib), new Dispatcher(cib), this::ended);
        runner.start();
    }

    private void ended(TransitionRunner r) {
        log.atInfo().addKeyValue("transition", r.id()).log(r.complete() ? "Transition {} complete"
                : "Transition {} ended incomplete ({})", r.id(), r.aborted() ? r.abortReason() : "actions not runnable");
        ctx.event(ControllerEvent.Kind.TRANSITION_ENDED, Integer.toString(r.id()));
        if (runner == r) runner = null;
        kick();
    }

    private Optional<String> waitReason(Cib cib) {
        if (membership == null) return Optional.of("no membership yet");
        Optional<String> fencingAsked = fencing.waitReason();
        if (fencingAsked.isPresent()) return fencingAsked;
        Optional<String> catchingUp = history.waitReason();
        if (catchingUp.isPresent()) return catchingUp;
        if (!membership.quorate() && !"ignore".equals(CibLookup.option(cib, ClusterOption.NO_QUORUM_POLICY))) {
            return Optional.of("the partition has no quorum");
        }
        for (Member m : membership.members()) {
            Optional<NodeState> s = cib.status().nodes().stream().filter(n -> n.uname().equals(m.name())).findFirst();
            if (s.isEmpty() || !s.get().inMembership() || !s.get().controllerOnline() || !s.get().join().equals("member")) {
                return Optional.of("the status does not show " + m.name() + " as a member yet");
            }
        }
        for (NodeState s : cib.status().nodes()) {
            if (!membership.contains(s.uname()) && s.inMembership()) {
                return Optional.of("the status still shows " + s.uname() + " as a member");
            }
        }
        return Optional.empty();
    }

    /** Writes that must precede scheduling (Pacemaker's join, {@link NodeLifecycle}), as one write. */
    private boolean housekeeping(Cib cib) {
        List<CibOperation> ops = NodeLifecycle.joinWrites(cib, membership);
        if (ops.isEmpty()) return false;
        write(CibOperation.batch(ops));
        return true;
    }

    private void armRecheck(Cib cib, Instant now) {
        if (recheck != null) recheck.cancel();
        Duration wait = Recheck.next(cib, now);
        recheck = ctx.timers().schedule(wait, () -> ctx.post(() -> {
            log.debug("Recheck timer ({}) expired", wait);
            kick();
        }));
    }

    private static int batchLimit(Cib cib) {
        try {
            return Math.max(0, Integer.parseInt(CibLookup.option(cib, ClusterOption.BATCH_LIMIT).trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- dispatch

    /** Sends ready actions where they run. */
    private final class Dispatcher implements ActionDispatcher {
        private final Cib cib;

        Dispatcher(Cib cib) { this.cib = cib; }

        @Override public void dispatch(TransitionRunner r, GraphAction a) {
            ctx.event(ControllerEvent.Kind.DISPATCHED, a.key() + "@" + a.node());
            switch (a.kind()) {
                case PSEUDO, CLUSTER -> r.completed(a.id(), true);
                case FENCE -> fencing.fence(r, a);
                case RESOURCE -> execute(r, a, cib);
            }
        }
    }

    private void execute(TransitionRunner r, GraphAction a, Cib cib) {
        Optional<Member> target = membership.members().stream().filter(m -> m.name().equals(a.node())).findFirst();
        Optional<String> agent = CibLookup.agentOf(cib, a.resource());
        if (target.isEmpty() || agent.isEmpty()) {
            log.warn("Cannot run {} on {}: {}", a.key(), a.node(), target.isEmpty() ? "the node is not a member"
                    : "no agent is known for " + a.resource());
            r.completed(a.id(), false);
            return;
        }
        boolean probe = a.operation().equals("monitor") && a.intervalMs() == 0;
        TransitionKey key = new TransitionKey(a.id(), r.id(), probe ? LrmRecord.OCF_NOT_RUNNING : LrmRecord.OCF_OK, uuid);
        Map<String, String> meta = new LinkedHashMap<>();
        CibLookup.opAttribute(cib, a, "start-delay").ifPresent(d -> meta.put("start-delay",
                Long.toString(pacer.cib.TimeSpec.parseMillis(d, 0))));
        ExecuteRequest request = new ExecuteRequest(key.toString(), a.resource(), agent.get(), a.operation(), a.intervalMs(),
                a.timeoutMs(), a.parameters(), meta);
        Duration limit = Duration.ofMillis(a.timeoutMs() + Long.parseLong(meta.getOrDefault("start-delay", "0")))
                .plus(ctx.settings().actionSlack());
        String k = key.toString();
        Timers.Cancellable timer = ctx.timers().schedule(limit, () -> ctx.post(() -> timedOut(k, limit)));
        awaiting.put(k, new Awaiting(r, a, timer));
        log.atInfo().addKeyValue("transition", r.id()).addKeyValue("rsc", a.resource()).addKeyValue("op", a.key())
                .addKeyValue("node", a.node()).log("Initiating {} on {} (action {})", a.key(), a.node(), a.id());
        ctx.bus().send(target.get(), ExecutorWire.encode(request));
    }

    private void timedOut(String key, Duration limit) {
        Awaiting a = awaiting.get(key);
        if (a == null) return;
        GraphAction g = a.action();
        log.warn("No result for {} on {} within {} ms: recording it as timed out", g.key(), g.node(), limit.toMillis());
        Optional<String> agent = CibLookup.agentOf(ctx.cib().read(), g.resource());
        recorder.record(new OperationReport(g.node(), key, g.resource(), agent.orElse("ocf:pacer:unknown"), g.operation(),
                g.intervalMs(), 0, 2, 1, "no result within " + limit.toMillis() + " ms", ctx.timers().now().getEpochSecond(),
                limit.toMillis(), 0, pacer.executor.OpDigest.of(g.parameters())), ctx.cib().read());
        finish(key, false);
    }

    private void finish(String key, boolean expected) {
        Awaiting a = awaiting.remove(key);
        if (a == null) return;
        a.timer().cancel();
        a.runner().completed(a.action().id(), expected);
    }

    private CompletableFuture<WriteResult> write(CibOperation op) {
        pendingWrites++;
        return ctx.cib().write(op).whenComplete((result, error) -> ctx.post(() -> {
            pendingWrites--;
            if (error != null || !result.accepted()) {
                log.warn("CIB write '{}' failed: {}", op.describe(), error != null ? error : String.join("; ", result.reasons()));
            }
            if (pendingWrites == 0) kick();
        }));
    }
}
