package pacer.controller;

import java.time.Duration;

/**
 * The controller's own knobs (the cluster options it reads, {@code batch-limit},
 * {@code cluster-recheck-interval}, {@code start-failure-is-fatal}, come from the CIB).
 *
 * @param actionSlack how long past an action's own timeout the DC waits for its result before it
 *     records the action as timed out (Pacemaker's {@code cluster-delay})
 */
public record ControllerSettings(Duration actionSlack) {
    public static final ControllerSettings DEFAULTS = new ControllerSettings(Duration.ofSeconds(20));
}
