package pacer.controller;

import pacer.cib.Cib;
import pacer.executor.ExecutorHistory;
import pacer.executor.OperationReport;
import pacer.membership.Membership;

/**
 * What the controller does, by role (after JGroups' {@code GMS} swapping {@code CoordGmsImpl} and
 * {@code ParticipantGmsImpl}): {@link DcRole} on the DC, {@link MemberRole} elsewhere. Every
 * method runs on the controller's role thread.
 */
interface Role {
    void membershipChanged(Membership m);

    void cibChanged(Cib cib);

    void reportReceived(OperationReport report);

    /** An executor's answer to this DC's history query. */
    void historyReceived(ExecutorHistory history);

    /** The role is being replaced: stop timers, dispatch nothing more. */
    void stop();
}
