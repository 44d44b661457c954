package pacer.fencing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.agents.AgentClock;
import pacer.agents.AgentExecution;
import pacer.cib.Cib;
import pacer.cib.Configuration;

/**
 * The fencer: fences nodes with the fence devices and fencing topology of the live CIB, running
 * fence agents through {@code pacer-agents} ({@link FenceExecution} says how devices are chosen
 * and run), and keeps the fencing history.
 *
 * <h2>Threading: one thread owns everything</h2>
 * A single thread of its own, the <em>fencer thread</em>, owns the queue of operations (waiting
 * and running), the history and the device-list cache; nothing else touches them, so they need
 * no locks. {@link #fence} only hands the request to that thread. Agent results arrive on the
 * agents' reaper thread and hop back to the fencer thread, which also runs the
 * {@code pcmk_delay_*} timers. Futures returned by {@link #fence} complete on the fencer thread:
 * continue with {@code *Async} stages and never block there. {@link #history()} and
 * {@link #pending()} read an immutable snapshot the fencer thread publishes after each change.
 *
 * <h2>Queue rules</h2>
 * <ul>
 *   <li>A request for a target and action already waiting or running joins that operation: the
 *       target is fenced once, and every request gets the same {@link FenceResult}.
 *   <li>Operations for one target run one after the other.
 *   <li>With {@code concurrent-fencing=false}, only one operation runs at a time.
 * </ul>
 * The CIB is read when an operation starts, so a device added meanwhile is used.
 */
public final class StonithFencer implements Fencer, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StonithFencer.class);
    /** How many completed operations the history keeps by default. */
    public static final int DEFAULT_HISTORY_LIMIT = 500;

    private record Snapshot(List<FenceEvent> history, List<PendingFence> pending) { }

    private final String origin;
    private final Supplier<Cib> cib;
    private final AgentClock clock;
    private final ScheduledExecutorService thread;
    private final FenceExecution execution;
    /** Guarded by the fencer thread, as are the two lists below and {@code closed}. */
    private final FenceHistory history;
    private final List<FenceOperation> waiting = new ArrayList<>();
    private final List<FenceOperation> running = new ArrayList<>();
    private boolean closed;
    private volatile Snapshot published = new Snapshot(List.of(), List.of());

    /**
     * @param origin this node's name, recorded in the history
     * @param cib the live CIB (read on the fencer thread, so it must be safe to call from any thread)
     * @param agents runs fence agents; {@link pacer.agents.ResourceAgents} in production
     * @param random for {@code pcmk_delay_max}; used on the fencer thread only
     */
    public StonithFencer(String origin, Supplier<Cib> cib, AgentExecution agents, AgentClock clock,
                         RandomGenerator random, int historyLimit) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.cib = Objects.requireNonNull(cib, "cib");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.history = new FenceHistory(historyLimit);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-fencer");
            t.setDaemon(true);
            return t;
        });
        DeviceRunner runner = new DeviceRunner(agents, clock, thread);
        this.execution = new FenceExecution(runner, new TargetCheck(runner, clock), random);
    }

    /** A fencer on the system clock with the default history size. */
    public static StonithFencer create(String origin, Supplier<Cib> cib, AgentExecution agents) {
        return new StonithFencer(origin, cib, agents, AgentClock.system(), RandomGenerator.getDefault(),
                DEFAULT_HISTORY_LIMIT);
    }

    /**
     * Completes on the fencer thread (at once, for a request refused outright: no target, fencer
     * stopped); never exceptionally: a failure is a result with {@code success=false}.
     */
    @Override public CompletableFuture<FenceResult> fence(String target, FenceAction action, String reason) {
        Objects.requireNonNull(action, "action");
        CompletableFuture<FenceResult> result = new CompletableFuture<>();
        if (target == null || target.isBlank()) {
            result.complete(failure(String.valueOf(target), action, "no target named"));
            return result;
        }
        String why = reason == null ? "" : reason;
        try {
            thread.execute(() -> submit(target, action, why, result));
        } catch (RejectedExecutionException e) {
            result.complete(failure(target, action, "the fencer is stopped"));
        }
        return result;
    }

    /** Completed operations, oldest first (at most the history limit). */
    public List<FenceEvent> history() { return published.history(); }

    /** Completed operations for {@code target}, oldest first. */
    public List<FenceEvent> history(String target) {
        return published.history().stream().filter(e -> e.target().equals(target)).toList();
    }

    /** The last successful fencing of {@code target} still in the history. */
    public Optional<FenceEvent> lastFenced(String target) {
        List<FenceEvent> events = history(target);
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).success()) return Optional.of(events.get(i));
        }
        return Optional.empty();
    }

    /** Operations waiting or running, in the order they were asked for. */
    public List<PendingFence> pending() { return published.pending(); }

    /** Forgets the history of {@code target}, or all of it when empty ({@code stonith_admin --cleanup --history}). */
    public CompletableFuture<Void> clearHistory(Optional<String> target) {
        return CompletableFuture.runAsync(() -> {
            history.clear(target);
            publish();
        }, thread);
    }

    /**
     * Stops the fencer thread. Requests still waiting or running are answered with a failure;
     * agents already running are left to their timeouts.
     */
    @Override public void close() {
        try {
            thread.execute(() -> {
                closed = true;
                List<FenceOperation> all = new ArrayList<>(running);
                all.addAll(waiting);
                running.clear();
                waiting.clear();
                publish();
                all.forEach(op -> op.complete(failure(op.target(), op.action(), "the fencer was stopped")));
            });
        } catch (RejectedExecutionException e) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) thread.shutdownNow();
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void submit(String target, FenceAction action, String reason, CompletableFuture<FenceResult> result) {
        if (closed) {
            result.complete(failure(target, action, "the fencer is stopped"));
            return;
        }
        for (FenceOperation op : inFlight()) {
            if (op.isFor(target, action)) {
                log.info("Request to {} {} ({}) joins the one in flight", action.word(), target, reason);
                op.join(result);
                publish();
                return;
            }
        }
        log.info("Request to {} {}: {}", action.word(), target, reason);
        waiting.add(new FenceOperation(target, action, reason, clock.now(), result));
        startReady();
        publish();
    }

    /** Starts every waiting operation the queue rules allow, oldest first. */
    private void startReady() {
        if (waiting.isEmpty()) return;
        Configuration config;
        try {
            config = cib.get().configuration();
        } catch (RuntimeException e) {
            log.error("Cannot read the CIB to fence", e);
            config = Configuration.EMPTY;
        }
        boolean concurrent = FencingOptions.of(config).concurrent();
        for (Iterator<FenceOperation> it = waiting.iterator(); it.hasNext(); ) {
            FenceOperation op = it.next();
            if (!concurrent && !running.isEmpty()) break;
            if (running.stream().anyMatch(r -> r.target().equals(op.target()))) continue;
            it.remove();
            running.add(op);
            op.started();
            start(op, config);
        }
    }

    private void start(FenceOperation op, Configuration config) {
        CompletableFuture<FenceExecution.Verdict> verdict;
        try {
            verdict = execution.execute(config, op.target(), op.action());
        } catch (RuntimeException e) {
            verdict = CompletableFuture.failedFuture(e);
        }
        verdict.whenCompleteAsync((v, error) -> finish(op, v != null ? v
                : new FenceExecution.Verdict(false, "", "internal error: " + error)), thread);
    }

    private void finish(FenceOperation op, FenceExecution.Verdict verdict) {
        if (!running.remove(op)) return; // already answered by close()
        FenceEvent event = new FenceEvent(op.target(), op.action(), op.reason(), origin, op.requested(), clock.now(),
                verdict.success(), verdict.device(), verdict.detail(), op.requests());
        history.add(event);
        if (event.success()) log.info("Fenced: {}", event);
        else log.error("Fencing failed: {}", event);
        startReady();
        publish(); // before answering, so that a caller who sees the result also sees it in the history
        op.complete(event.result());
    }

    private List<FenceOperation> inFlight() {
        List<FenceOperation> all = new ArrayList<>(running);
        all.addAll(waiting);
        return all;
    }

    private void publish() {
        List<FenceOperation> ops = inFlight();
        ops.sort((a, b) -> a.requested().compareTo(b.requested()));
        published = new Snapshot(history.all(), ops.stream().map(FenceOperation::pending).toList());
    }

    private FenceResult failure(String target, FenceAction action, String detail) {
        Instant now = clock.now();
        return new FenceResult(target, action, false, "", detail, now);
    }
}
