package pacer.controller;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.Cib;
import pacer.cib.Primitive;
import pacer.fencing.FenceAction;
import pacer.fencing.FenceResult;
import pacer.scheduler.graph.GraphAction;
import pacer.store.CibOperation;

/**
 * The DC's fencing actions: asks the {@link pacer.fencing.Fencer}, records a fenced node as down
 * with no history, and on failure lets the transition go on (as failed) only after the
 * {@link FenceBackoff} delay, so that fencing that cannot work never spins.
 *
 * <p>It also carries out administrators' requests ({@link #requested}, {@code pcs stonith fence}),
 * as Pacemaker's controller reacts to a fencing it did not ask for: the node is recorded down with
 * no history and the running transition is aborted, so the next one recovers its resources.
 *
 * <p>Runs on the DC's role thread (completions come back through {@code ctx.post}).
 */
final class DcFencing {
    private final Logger log = LoggerFactory.getLogger(DcFencing.class);
    private final ControllerContext ctx;
    private final Consumer<CibOperation> writer;
    private final Consumer<String> abort;
    private final FenceBackoff fenceBackoff = new FenceBackoff();
    /** Targets of administrators' requests being fenced now. */
    private final Set<String> requestedInFlight = new LinkedHashSet<>();

    /**
     * @param abort aborts the running transition (with the reason), if any, and marks the loop
     *     dirty; called when an administrator's request ends
     */
    DcFencing(ControllerContext ctx, Consumer<CibOperation> writer, Consumer<String> abort) {
        this.ctx = ctx;
        this.writer = writer;
        this.abort = abort;
    }

    /**
     * Why the DC must not schedule now: an administrator's fencing is under way, and the node it
     * takes down must be recorded as fenced before the scheduler sees it gone (else it would fence
     * it a second time, as a lost node).
     */
    Optional<String> waitReason() {
        return requestedInFlight.isEmpty() ? Optional.empty()
                : Optional.of("fencing " + String.join(", ", requestedInFlight) + " as an administrator asked");
    }

    /**
     * An administrator's request: refused when the target is not a node of the CIB or no fence
     * device is configured; otherwise the fencer runs it, and a fenced node is recorded down.
     * {@code answer} is called once, on the role thread.
     */
    void requested(FencingRequest request, Consumer<FencingOutcome> answer) {
        Cib cib = ctx.cib().read();
        String target = request.target();
        if (cib.configuration().nodes().stream().noneMatch(n -> n.uname().equals(target))) {
            List<String> known = cib.configuration().nodes().stream().map(pacer.cib.Node::uname).toList();
            answer.accept(FencingOutcome.of(request, FencingOutcome.Verdict.UNKNOWN_NODE, "there is no node '" + target
                    + "' in the cluster" + (known.isEmpty() ? "" : " (its nodes: " + String.join(", ", known) + ")")));
            return;
        }
        boolean devices = cib.configuration().allResources().stream()
                .anyMatch(r -> r instanceof Primitive p && p.isFencingDevice());
        if (!devices) {
            answer.accept(FencingOutcome.of(request, FencingOutcome.Verdict.NO_DEVICE, "no fence device is configured,"
                    + " so nothing can fence " + target + "; create one with 'pcs stonith create ID AGENT ...'"
                    + " ('pcs stonith list' shows the installed agents)"));
            return;
        }
        log.atInfo().addKeyValue("node", target).log("Fencing {} ({}): {}", target, request.action().word(), request.reason());
        CompletableFuture<FenceResult> f;
        try {
            f = ctx.fencer().fence(target, request.action(), request.reason());
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        requestedInFlight.add(target);
        f.whenComplete((result, error) -> ctx.post(() -> {
            requestedInFlight.remove(target);
            FencingOutcome outcome = requestDone(request, result, error);
            abort.accept(target + (outcome.fenced() ? " was fenced" : " could not be fenced"));
            answer.accept(outcome);
        }));
    }

    private FencingOutcome requestDone(FencingRequest request, FenceResult result, Throwable error) {
        String target = request.target();
        if (error != null || result == null || !result.success()) {
            String why = error != null ? error.toString() : result == null ? "no result" : result.detail();
            log.atWarn().addKeyValue("node", target).log("Fencing {} as requested on {} failed: {}", target,
                    request.origin(), why);
            return new FencingOutcome(target, request.action(), FencingOutcome.Verdict.FAILED,
                    result == null ? "" : result.device(), why);
        }
        ctx.event(ControllerEvent.Kind.FENCED, target);
        log.atInfo().addKeyValue("node", target).log("{} was fenced by {}: {}", target, result.device(), result.detail());
        fenceBackoff.succeeded(target);
        if (request.action() != FenceAction.ON) {
            Cib cib = ctx.cib().read();
            writer.accept(LrmRecord.fencedNodeState(LrmRecord.nodeId(cib, target).orElse(target), target));
        }
        return new FencingOutcome(target, request.action(), FencingOutcome.Verdict.FENCED, result.device(),
                result.detail());
    }

    void fence(TransitionRunner r, GraphAction a) {
        String target = a.node();
        FenceAction action = switch (a.parameters().getOrDefault("action", "reboot")) {
            case "off" -> FenceAction.OFF;
            case "on" -> FenceAction.ON;
            default -> FenceAction.REBOOT;
        };
        log.atInfo().addKeyValue("transition", r.id()).addKeyValue("node", target)
                .log("Fencing {} ({}) as transition {} requires", target, action.word(), r.id());
        CompletableFuture<FenceResult> f;
        try {
            f = ctx.fencer().fence(target, action, "peer is no longer part of the cluster");
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((result, error) -> ctx.post(() -> fenced(r, a, result, error)));
    }

    private void fenced(TransitionRunner r, GraphAction a, FenceResult result, Throwable error) {
        boolean ok = error == null && result != null && result.success();
        if (ok) {
            ctx.event(ControllerEvent.Kind.FENCED, a.node());
            log.atInfo().addKeyValue("node", a.node()).log("{} was fenced by {}: {}", a.node(), result.device(), result.detail());
            if (a.parameters().getOrDefault("action", "reboot").equals("on")) {
                r.completed(a.id(), true);
                return;
            }
            Cib cib = ctx.cib().read();
            String nodeId = LrmRecord.nodeId(cib, a.node()).orElse(a.node());
            writer.accept(LrmRecord.fencedNodeState(nodeId, a.node()));
        } else {
            java.time.Duration wait = fenceBackoff.failed(a.node());
            log.atWarn().addKeyValue("node", a.node()).log("Fencing {} failed: {}; trying again in {} s", a.node(),
                    error != null ? error.toString() : result == null ? "no result" : result.detail(), wait.toSeconds());
            if (fenceBackoff.givingUp(a.node())) {
                log.atError().addKeyValue("node", a.node()).log("Too many failures ({}) to fence {}: fix fencing"
                        + " (pcs stonith status) or confirm the node is down; retrying once a minute",
                        FenceBackoff.MAX_ATTEMPTS, a.node());
            }
            ctx.timers().schedule(wait, () -> ctx.post(() -> r.completed(a.id(), false)));
            return;
        }
        fenceBackoff.succeeded(a.node());
        r.completed(a.id(), ok);
    }

}
