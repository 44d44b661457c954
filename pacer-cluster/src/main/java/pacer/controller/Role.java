package pacer.controller;

import java.util.function.Consumer;
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

    /**
     * An administrator asks to fence a node ({@link Controller#requestFencing}, or a request from
     * another node): the DC carries it out, any other role hands it to the DC. {@code answer} is
     * called once, on the role thread.
     */
    void fencingRequested(FencingRequest request, Consumer<FencingOutcome> answer);

    /** The role is being replaced: stop timers, dispatch nothing more. */
    void stop();
}
