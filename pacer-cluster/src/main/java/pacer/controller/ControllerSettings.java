package pacer.controller;

import java.time.Duration;

/**
 * The controller's own knobs (the cluster options it reads, {@code batch-limit},
 * {@code cluster-recheck-interval}, {@code start-failure-is-fatal}, come from the CIB).
 *
 * @param actionSlack how long past an action's own timeout the DC waits for its result before it
 *     records the action as timed out (Pacemaker's {@code cluster-delay})
 * @param historyTimeout how long a new DC waits for an executor's history before it asks again
 *     ({@link HistorySync})
 * @param shutdownTimeout how long a node leaving cleanly waits for the DC to move its resources
 *     away and let it go (Pacemaker's {@code shutdown-escalation}, shorter)
 */
public record ControllerSettings(Duration actionSlack, Duration historyTimeout, Duration shutdownTimeout) {
    public static final ControllerSettings DEFAULTS = new ControllerSettings(Duration.ofSeconds(20), Duration.ofSeconds(2),
            Duration.ofMinutes(5));

    /** The defaults, with this action slack. */
    public ControllerSettings(Duration actionSlack) {
        this(actionSlack, DEFAULTS.historyTimeout(), DEFAULTS.shutdownTimeout());
    }
}
