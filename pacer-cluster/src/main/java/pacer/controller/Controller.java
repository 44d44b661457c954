package pacer.controller;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import pacer.executor.ExecutorWire;
import pacer.executor.OperationReport;
import pacer.fencing.Fencer;
import pacer.membership.ClusterBus;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.store.CibStore;
import pacer.store.ReplicatedCib;
import pacer.time.Timers;

/**
 * The controller of one node: holds a {@link DcRole} while this node is the DC and a
 * {@link MemberRole} otherwise, swapping them on every membership (never {@code if (isDc)}), and
 * feeds the role the events it reacts to: memberships, CIB changes, executors' results.
 *
 * <pre>
 * Controller c = new Controller(bus, store, cib, fencer, timers, ControllerSettings.DEFAULTS);
 * c.start();          // before bus.start(), so that no view is missed
 * </pre>
 *
 * <p>Threading: one role thread ({@code controller-<node>}) owns the role and everything it holds;
 * bus, CIB-store and timer callbacks only post to it.
 */
public final class Controller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Controller.class);

    private final ClusterBus bus;
    private final CibStore store;
    private final ControllerContext ctx;
    private final ExecutorService thread;
    private final List<Consumer<ControllerEvent>> observers = new CopyOnWriteArrayList<>();
    /** Role thread only. */
    private Role role = new MemberRole();

    public Controller(ClusterBus bus, CibStore store, ReplicatedCib cib, Fencer fencer, Timers timers,
                      ControllerSettings settings) {
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
        boolean dc = m.dc().map(d -> d.name().equals(bus.self().name())).orElse(false);
        if (dc && !(role instanceof DcRole)) {
            role.stop();
            role = new DcRole(ctx, m);
        } else if (!dc && role instanceof DcRole) {
            role.stop();
            role = new MemberRole();
        }
        role.membershipChanged(m);
    }

    private void received(Member from, byte[] payload) {
        Optional<OperationReport> report;
        try {
            report = ExecutorWire.report(payload);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed control message from {}: {}", from, e.getMessage());
            return;
        }
        report.ifPresent(role::reportReceived);
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
