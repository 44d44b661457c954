/**
 * Time as every role sees it: {@link pacer.time.Clock} (wall time for the CIB and rules, a
 * monotonic counter for durations) and {@link pacer.time.Timers} (delayed tasks: operation
 * timeouts, recurring monitors, cluster-recheck-interval). Roles take both as constructor
 * arguments and never read the system clock themselves; {@link pacer.time.SystemTimers} is the
 * real pair, {@link pacer.time.FakeTimers} the virtual one tests advance by hand.
 */
package pacer.time;
