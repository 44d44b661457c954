package pacer.controller;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import pacer.cib.Cib;
import pacer.executor.ExecutorHistory;
import pacer.executor.ExecutorWire;
import pacer.executor.OperationReport;
import pacer.fencing.FenceAction;
import pacer.fencing.Fencer;
import pacer.fencing.SelfFence;
import pacer.membership.ClusterBus;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.store.CibStore;
import pacer.store.ReplicatedCib;
import pacer.store.WriteResult;
import pacer.time.Timers;

/**
 * The controller of one node: holds a {@link DcRole} while this node is the DC and a
 * {@link MemberRole} otherwise, swapping them on every membership (never {@code if (isDc)}), and
 * feeds the role the events it reacts to: memberships, CIB changes, executors' results.
 *
 * <pre>
 * Controller c = new Controller(bus, store, cib, fencer, timers, ControllerSettings.DEFAULTS,
 *         executor::stopAll, new SelfFence(this::fenceMyself));
 * c.start();          // before bus.start(), so that no view is missed
 * </pre>
 *
 * <p>Whatever its role, it also reacts to this node's partition losing quorum ({@link QuorumLoss}:
 * no-quorum-policy stop through the local executor, freeze, ignore, or the self-fence).
 *
 * <p>Threading: one role thread ({@code controller-<node>}) owns the role and everything it holds;
 * bus, CIB-store and timer callbacks only post to it.
 */
public final class Controller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Controller.class);

    private final ClusterBus bus;
    private final CibStore store;
    private final ControllerContext ctx;
    private final QuorumLoss quorumLoss;
    private final ExecutorService thread;
    private final List<Consumer<ControllerEvent>> observers = new CopyOnWriteArrayList<>();
    /** Role thread only, as is {@code relay}. */
    private Role role;
    private final FencingRelay relay;

    /** A controller that cannot stop local resources nor fence itself on a quorum loss (it logs). */
    public Controller(ClusterBus bus, CibStore store, ReplicatedCib cib, Fencer fencer, Timers timers,
                      ControllerSettings settings) {
        this(bus, store, cib, fencer, timers, settings, LocalStop.NONE,
                new SelfFence(() -> log.error("Quorum lost with no-quorum-policy=suicide, but no self-fence is wired")));
    }

    /**
     * @param localStop stops this node's resources through its executor when its partition loses
     *     quorum under {@code no-quorum-policy=stop}
     * @param selfFence fences this node when its partition loses quorum under {@code suicide}
     */
    public Controller(ClusterBus bus, CibStore store, ReplicatedCib cib, Fencer fencer, Timers timers,
                      ControllerSettings settings, LocalStop localStop, SelfFence selfFence) {
        this.bus = bus;
        this.store = store;
        String node = bus.self().name();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                MDC.put("node", node);
                r.run();
            }, "controller-" + node);
            t.setDaemon(true);
            return t;
        });
        this.ctx = new ControllerContext(bus, cib, fencer, timers, settings, this::post,
                e -> observers.forEach(o -> o.accept(e)));
        this.quorumLoss = new QuorumLoss(store::current, localStop, selfFence);
        this.relay = new FencingRelay(ctx);
        this.role = new MemberRole(relay);
    }

    /** Registers with the bus and the store; call before {@link ClusterBus#start()}. */
    public void start() {
        bus.onMembership(m -> post(() -> membershipChanged(m)));
        bus.onMessage((from, payload) -> {
            if (!ExecutorWire.isControlMessage(payload)) return;
            post(() -> received(from, payload));
        });
        store.addListener(cib -> post(() -> role.cibChanged(cib)));
    }

    /** Adds an observer of controller events (called on the role thread; must be quick). */
    public void onEvent(Consumer<ControllerEvent> observer) { observers.add(observer); }

    private void membershipChanged(Membership m) {
        ctx.event(ControllerEvent.Kind.MEMBERSHIP, Long.toString(m.viewId()));
        quorumLoss.membershipChanged(m).ifPresent(r -> ctx.event(ControllerEvent.Kind.QUORUM_LOST, r.name()));
        boolean dc = m.dc().map(d -> d.name().equals(bus.self().name())).orElse(false);
        if (dc && !(role instanceof DcRole)) {
            role.stop();
            role = new DcRole(ctx, m);
        } else if (!dc && role instanceof DcRole) {
            role.stop();
            role = new MemberRole(relay);
        }
        role.membershipChanged(m);
        relay.membershipChanged(m);
    }

    /**
     * Asks the cluster to fence {@code target} ({@code pcs stonith fence}): the DC fences it through
     * its fencer and records it down, so its resources are recovered elsewhere, as after any
     * fencing. Any thread; the future completes on the role thread (continue with {@code *Async}
     * stages), with {@code NO_DC} when there is no DC or it did not answer in time.
     */
    public CompletableFuture<FencingOutcome> requestFencing(String target, FenceAction action) {
        CompletableFuture<FencingOutcome> outcome = new CompletableFuture<>();
        FencingRequest request = new FencingRequest(UUID.randomUUID().toString(), bus.self().name(), target, action);
        post(() -> role.fencingRequested(request, outcome::complete));
        return outcome;
    }

    private void received(Member from, byte[] payload) {
        Optional<OperationReport> report;
        Optional<ExecutorHistory> history;
        Optional<FencingRequest> fencing;
        Optional<Map.Entry<String, FencingOutcome>> fenced;
        try {
            report = ExecutorWire.report(payload);
            history = report.isPresent() ? Optional.empty() : ExecutorWire.history(payload);
            fencing = FencingWire.request(payload);
            fenced = FencingWire.reply(payload);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed control message from {}: {}", from, e.getMessage());
            return;
        }
        report.ifPresent(role::reportReceived);
        history.ifPresent(role::historyReceived);
        fencing.ifPresent(r -> role.fencingRequested(r, outcome -> bus.send(from, FencingWire.encode(r.id(), outcome))));
        fenced.ifPresent(e -> relay.answered(e.getKey(), e.getValue()));
    }

    /**
     * Leaves cleanly (pacerd on SIGTERM, before it closes anything): asks the DC to move this
     * node's resources away (the transient attribute {@code shutdown}), then waits, at most
     * {@link ControllerSettings#shutdownTimeout()}, until the DC lets it go ({@code expected="down"}
     * in its {@code node_state}), so that the others do not fence it when it leaves. Without a
     * DC or quorum the request is refused and the node leaves at once. Blocks; call it from the
     * thread that stops pacerd, never from a role or bus thread.
     *
     * @return whether the DC let this node go in time
     */
    public boolean shutdown() {
        String self = bus.self().name();
        Duration bound = ctx.settings().shutdownTimeout();
        CompletableFuture<Boolean> released = new CompletableFuture<>();
        store.addListener(cib -> {
            if (NodeLifecycle.expectedDown(cib, self)) released.complete(true);
        });
        Cib cib = store.current();
        Optional<String> nodeId = LrmRecord.nodeId(cib, self);
        if (nodeId.isEmpty() || bus.membership() == null) {
            log.info("Shutting down: this node has no node_state yet; leaving at once");
            return false;
        }
        log.info("Shutting down: asking the DC to move this node's resources away (waiting at most {} s)",
                bound.toSeconds());
        try {
            WriteResult asked = ctx.cib().write(NodeLifecycle.requestShutdown(nodeId.get(),
                    ctx.timers().now().getEpochSecond())).get(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (!asked.accepted()) {
                log.warn("Shutting down without the DC's help ({}); the cluster may fence this node",
                        String.join("; ", asked.reasons()));
                return false;
            }
            if (NodeLifecycle.expectedDown(store.current(), self)) return true;
            released.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Shutting down: the DC let this node go; leaving the cluster");
            return true;
        } catch (TimeoutException e) {
            log.warn("Shutting down: the DC did not let this node go within {} s; leaving anyway, it may be fenced",
                    bound.toSeconds());
        } catch (ExecutionException e) {
            log.warn("Shutting down: the request failed ({}); leaving anyway", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void post(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Unexpected failure on the controller thread", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("The controller has stopped; dropping a task");
        }
    }

    @Override public void close() {
        post(() -> role.stop());
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
