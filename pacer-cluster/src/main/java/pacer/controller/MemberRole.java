package pacer.controller;

import java.util.function.Consumer;
import pacer.cib.Cib;
import pacer.executor.ExecutorHistory;
import pacer.executor.OperationReport;
import pacer.membership.Membership;

/**
 * The controller on a node that is not the DC: it decides nothing. Its executor still runs what
 * the DC sends; results that reach this node by mistake (the DC changed in flight) are dropped,
 * since the executor re-sends undelivered reports to the new DC. Fencing requests go to the DC
 * ({@link FencingRelay}).
 */
final class MemberRole implements Role {
    private final FencingRelay relay;

    MemberRole(FencingRelay relay) { this.relay = relay; }

    @Override public void membershipChanged(Membership m) { }

    @Override public void cibChanged(Cib cib) { }

    @Override public void reportReceived(OperationReport report) { }

    @Override public void historyReceived(ExecutorHistory history) { }

    @Override public void fencingRequested(FencingRequest request, Consumer<FencingOutcome> answer) {
        relay.forward(request, answer);
    }

    @Override public void stop() { }
}
