package pacer.controller;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.Cib;
import pacer.fencing.FenceAction;
import pacer.fencing.FenceResult;
import pacer.scheduler.graph.GraphAction;
import pacer.store.CibOperation;

/**
 * The DC's fencing actions: asks the {@link pacer.fencing.Fencer}, records a fenced node as down
 * with no history, and on failure lets the transition go on (as failed) only after the
 * {@link FenceBackoff} delay, so that fencing that cannot work never spins.
 *
 * <p>Runs on the DC's role thread (completions come back through {@code ctx.post}).
 */
final class DcFencing {
    private final Logger log = LoggerFactory.getLogger(DcFencing.class);
    private final ControllerContext ctx;
    private final Consumer<CibOperation> writer;
    private final FenceBackoff fenceBackoff = new FenceBackoff();

    DcFencing(ControllerContext ctx, Consumer<CibOperation> writer) {
        this.ctx = ctx;
        this.writer = writer;
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
