package pacer.controller;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.time.Timers;

/**
 * Hands administrators' fencing requests made on this node to the DC and brings the answers back.
 * A request waits at most {@link #PATIENCE} (stonith_admin's default timeout); it is answered
 * {@code NO_DC} at once when there is no DC, and when the DC it went to leaves or stops being
 * the DC before answering (the fencing may still happen: {@code pcs status} tells).
 *
 * <p>Not thread-safe: it belongs to the controller's role thread, as does every callback it makes.
 */
final class FencingRelay {
    static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Logger log = LoggerFactory.getLogger(FencingRelay.class);

    private record Waiting(FencingRequest request, Member dc, Consumer<FencingOutcome> answer, Timers.Cancellable timer) { }

    private final ControllerContext ctx;
    /** Request id → the request waiting for the DC's answer. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();

    FencingRelay(ControllerContext ctx) { this.ctx = ctx; }

    /**
     * Sends {@code request}, made on this node, to the DC; {@code answer} gets the DC's outcome, or
     * why there was none. A request from another node that reached this one (it took it for the DC)
     * is answered {@code NO_DC} rather than passed on, so that a request never travels in circles.
     */
    void forward(FencingRequest request, Consumer<FencingOutcome> answer) {
        if (!request.origin().equals(ctx.self())) {
            answer.accept(FencingOutcome.of(request, FencingOutcome.Verdict.NO_DC, ctx.self()
                    + " is not the DC (any more); ask again"));
            return;
        }
        Membership m = ctx.bus().membership();
        Optional<Member> dc = m == null ? Optional.empty() : m.dc();
        if (dc.isEmpty()) {
            answer.accept(FencingOutcome.of(request, FencingOutcome.Verdict.NO_DC, "the cluster has no DC to carry out"
                    + " the fencing (" + (m == null ? "this node has not joined yet" : m.quorate() ? "it is being elected"
                    : "this partition has no quorum") + "); check 'pcs status' and 'pcs quorum status'"));
            return;
        }
        Timers.Cancellable timer = ctx.timers().schedule(PATIENCE, () -> ctx.post(() -> timedOut(request.id())));
        waiting.put(request.id(), new Waiting(request, dc.get(), answer, timer));
        log.info("Asking the DC {} to {} {}", dc.get().name(), request.action().word(), request.target());
        ctx.bus().send(dc.get(), FencingWire.encode(request));
    }

    /** The DC's answer to one of this node's requests. */
    void answered(String id, FencingOutcome outcome) {
        Waiting w = waiting.remove(id);
        if (w == null) return; // answered already (timed out, or the DC changed)
        w.timer().cancel();
        w.answer().accept(outcome);
    }

    /** Requests whose DC is gone or no longer the DC will get no answer: say so now. */
    void membershipChanged(Membership m) {
        for (Waiting w : List.copyOf(waiting.values())) {
            boolean stillDc = m.dc().map(d -> d.equals(w.dc())).orElse(false);
            if (!stillDc) {
                finish(w, "the DC " + w.dc().name() + " " + (m.contains(w.dc().name()) ? "stopped being the DC"
                        : "left the cluster") + " before answering; " + w.request().target()
                        + " may or may not have been fenced: check 'pcs status'");
            }
        }
    }

    private void timedOut(String id) {
        Waiting w = waiting.get(id);
        if (w != null) {
            finish(w, "no answer from the DC " + w.dc().name() + " within " + PATIENCE.toSeconds() + " s; the fencing of "
                    + w.request().target() + " may still be under way: check 'pcs status' and the DC's pacerd.log");
        }
    }

    private void finish(Waiting w, String why) {
        waiting.remove(w.request().id());
        w.timer().cancel();
        log.warn("Fencing request for {}: {}", w.request().target(), why);
        w.answer().accept(FencingOutcome.of(w.request(), FencingOutcome.Verdict.NO_DC, why));
    }
}
