package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pacer.cib.AttributeSet;
import pacer.cib.BooleanValue;
import pacer.cib.Constraint;
import pacer.cib.Role;
import pacer.cib.Score;
import pacer.cib.TicketConstraint;

/**
 * {@code rsc_ticket}: a resource may run only while its ticket is granted and not in standby.
 * Without it the resource is banned everywhere, and what happens to a running copy is the
 * ticket's {@code loss-policy}: {@code stop} (default) stops it, {@code freeze} leaves it where it
 * is (but starts nothing), {@code fence} also fences the nodes it runs on when the ticket was
 * revoked ("deadman ticket was lost"; a ticket merely in standby is not a loss). A ticket limited
 * to the Promoted role stops the whole resource only with loss-policy=stop; otherwise it takes
 * promotion away (the promotion code's business), and with fence also fences where it was promoted.
 */
final class TicketRules {
    private final WorkingSet ws;
    private final ConstraintExpander constraints;

    TicketRules(WorkingSet ws, ConstraintExpander constraints) {
        this.ws = ws;
        this.constraints = constraints;
    }

    void apply() {
        for (Constraint c : ws.cib.configuration().constraints()) {
            if (c.kind() != Constraint.Kind.TICKET) continue;
            TicketConstraint t = (TicketConstraint) c;
            Optional<AttributeSet> state = ws.cib.status().tickets().stream()
                    .filter(s -> s.id().equals(t.ticket())).findFirst();
            boolean granted = state.map(s -> BooleanValue.parse(s.values().get("granted"), false)).orElse(false);
            boolean standby = state.map(s -> BooleanValue.parse(s.values().get("standby"), false)).orElse(false);
            if (granted && !standby) continue;
            boolean revoked = state.isPresent() && !granted;
            if (t.resource().isPresent()) {
                Role role = t.resourceRole().orElse(Role.STARTED);
                List<Rsc> targets = new ArrayList<>();
                constraints.resolve(t.resource().get()).forEach(x -> targets.addAll(x.primitives()));
                lose(targets, role, t.lossPolicy(), revoked);
            }
            for (pacer.cib.ResourceSet set : t.sets()) {
                List<Rsc> targets = new ArrayList<>();
                set.resources().forEach(id -> constraints.resolve(id).forEach(x -> targets.addAll(x.primitives())));
                lose(targets, set.role().orElse(t.resourceRole().orElse(Role.STARTED)), t.lossPolicy(), revoked);
            }
        }
    }

    /**
     * A Promoted-role ticket takes the whole resource down only with loss-policy=stop; otherwise it
     * takes promotion away (Promotion's job), and with fence also fences where it was promoted.
     */
    private void lose(List<Rsc> targets, Role role, String lossPolicy, boolean revoked) {
        boolean promotedOnly = role == Role.PROMOTED;
        boolean wholeResource = !promotedOnly || lossPolicy.equalsIgnoreCase("stop");
        for (Rsc r : targets) withoutTicket(r, lossPolicy, revoked, promotedOnly, wholeResource);
    }

    /**
     * A ticket in standby hands the resources over gracefully: they stop whatever the loss-policy.
     * A revoked ticket applies the loss-policy.
     */
    private void withoutTicket(Rsc r, String lossPolicy, boolean revoked, boolean promotedOnly, boolean whole) {
        boolean freeze = revoked && lossPolicy.equalsIgnoreCase("freeze");
        for (NodeView n : ws.nodes) {
            if (!whole || (freeze && r.runningOn.contains(n))) continue;
            r.scores.put(n, -Score.INFINITY);
        }
        if (lossPolicy.equalsIgnoreCase("fence") && revoked) {
            for (NodeView n : r.runningOn) {
                NodeHistory h = r.history.get(n);
                if (promotedOnly && (h == null || h.role != Role.PROMOTED)) continue;
                if (n.fenceReason == null) {
                    n.unclean = true;
                    n.fenceReason = "deadman ticket was lost";
                }
            }
        }
    }
}
