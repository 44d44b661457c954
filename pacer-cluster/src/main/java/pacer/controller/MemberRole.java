package pacer.controller;

import pacer.cib.Cib;
import pacer.executor.ExecutorHistory;
import pacer.executor.OperationReport;
import pacer.membership.Membership;

/**
 * The controller on a node that is not the DC: it decides nothing. Its executor still runs what
 * the DC sends; results that reach this node by mistake (the DC changed in flight) are dropped,
 * since the executor re-sends undelivered reports to the new DC.
 */
final class MemberRole implements Role {
    @Override public void membershipChanged(Membership m) { }

    @Override public void cibChanged(Cib cib) { }

    @Override public void reportReceived(OperationReport report) { }

    @Override public void historyReceived(ExecutorHistory history) { }

    @Override public void stop() { }
}
