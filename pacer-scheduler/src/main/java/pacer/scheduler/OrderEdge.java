package pacer.scheduler;

/**
 * An ordering between two actions with Pacemaker's effects: {@code impliesThen} (first required
 * makes then required), {@code impliesFirst} (then required makes first required),
 * {@code runnableLeft} (first unrunnable makes then unrunnable).
 */
record OrderEdge(Action first, Action then, boolean impliesThen, boolean impliesFirst, boolean runnableLeft) {
}
