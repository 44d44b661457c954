package pacer.controller;

/**
 * Something the controller did, with the injected clock's monotonic time: for benchmarks and
 * tests that want a timeline without parsing logs.
 *
 * @param kind what happened
 * @param detail the action key, node or transition it is about ({@code SCHEDULED}: the transition id
 *     and how long the scheduler took)
 * @param nanos {@link pacer.time.Clock#nanoTime()} when it happened
 */
public record ControllerEvent(Kind kind, String detail, long nanos) {
    /** The moments of a reconcile cycle. */
    public enum Kind { BECAME_DC, MEMBERSHIP, SCHEDULED, DISPATCHED, RESULT, FENCED, TRANSITION_ENDED,
        /** This node's partition lost quorum; the detail is the no-quorum-policy reaction taken. */
        QUORUM_LOST }
}
