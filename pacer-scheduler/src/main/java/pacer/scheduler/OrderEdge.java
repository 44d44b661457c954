package pacer.scheduler;

/**
 * An ordering between two actions with Pacemaker's effects: {@code impliesThen} (first required
 * makes then required), {@code impliesFirst} (then required makes first required),
 * {@code runnableLeft} (first unrunnable makes then unrunnable), {@code asymmetric} (a one-way
 * order: first unrunnable blocks a then that was going to happen anyway, nothing more).
 */
record OrderEdge(Action first, Action then, boolean impliesThen, boolean impliesFirst, boolean runnableLeft,
                 boolean asymmetric) {
    OrderEdge(Action first, Action then, boolean impliesThen, boolean impliesFirst, boolean runnableLeft) {
        this(first, then, impliesThen, impliesFirst, runnableLeft, false);
    }
}
