package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * One action of a transition while it is being built: what (task, interval) on which node for
 * which resource, whether it is optional (nothing forces it) and runnable, and why either changed.
 * Pseudo actions (a group's "running", a stop implied by fencing) run nowhere and order others.
 */
final class Action {
    final Rsc rsc;
    final String task;
    final NodeView node;
    final long intervalMs;
    boolean optional;
    boolean runnable = true;
    boolean pseudo;
    /** Why this action became required or unrunnable, as the summary prints it after "due to". */
    String reason;
    /** For fencing actions: the reason Pacemaker prints. */
    String fenceReason;
    final List<Action> inputs = new ArrayList<>();
    int id = -1;

    Action(Rsc rsc, String task, NodeView node, long intervalMs, boolean optional) {
        this.rsc = rsc;
        this.task = task;
        this.node = node;
        this.intervalMs = intervalMs;
        this.optional = optional;
    }

    /** Pacemaker's key: {@code RSC_TASK_INTERVAL}, or the task for cluster actions. */
    String key() {
        return rsc == null ? task : rsc.id + "_" + task + "_" + intervalMs;
    }

    @Override public String toString() {
        return key() + (node == null ? "" : " " + node.name) + (optional ? " (optional)" : "")
                + (runnable ? "" : " (unrunnable)");
    }
}
