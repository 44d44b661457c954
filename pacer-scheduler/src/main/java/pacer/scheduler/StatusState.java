package pacer.scheduler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pacer.cib.Role;

/**
 * One picture of the cluster for the status blocks: where each primitive is active, its role,
 * whether it shows as failed, and which nodes count as online or unclean. The current picture is
 * read from the working set as unpacked; the revised one applies every executed action of the plan
 * as if it succeeded. Neither mutates the working set: all answers live in this object's own maps.
 */
final class StatusState {
    final WorkingSet ws;
    /** Whether pending operations are shown (current status only). */
    final boolean showPending;
    private final Map<Rsc, List<NodeView>> active = new IdentityHashMap<>();
    private final Map<Rsc, Role> roles = new IdentityHashMap<>();
    private final Set<Rsc> failed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<NodeView> fenced = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private StatusState(WorkingSet ws, boolean showPending) {
        this.ws = ws;
        this.showPending = showPending;
    }

    /** The cluster as the CIB describes it, before the transition. */
    static StatusState current(WorkingSet ws) {
        StatusState s = new StatusState(ws, true);
        for (Rsc r : allPrimitives(ws)) {
            s.active.put(r, List.copyOf(r.runningOn));
            s.roles.put(r, r.runningOn.isEmpty() ? Role.STOPPED : activeRole(r.role));
            if (r.failed) s.failed.add(r);
        }
        return s;
    }

    /** The cluster after every executed action of the plan succeeded. */
    static StatusState revised(WorkingSet ws, ActionPlanner plan) {
        StatusState s = new StatusState(ws, false);
        for (Action f : plan.fencing) {
            if (executed(f) && !"on".equals(f.reason)) s.fenced.add(f.node);
        }
        for (Rsc r : allPrimitives(ws)) {
            Set<NodeView> nodes = new LinkedHashSet<>(r.runningOn);
            boolean stopped = false;
            boolean started = false;
            for (Action a : plan.actions) {
                if (a.rsc != r || !executed(a)) continue;
                if (a.task.equals("stop") && a.node != null) {
                    stopped |= nodes.remove(a.node);
                } else if (a.task.equals("start") && a.node != null) {
                    nodes.add(a.node);
                    started = true;
                }
            }
            stopped |= nodes.removeAll(s.fenced);
            s.active.put(r, List.copyOf(nodes));
            Role role = nodes.isEmpty() ? Role.STOPPED : started ? Role.STARTED : activeRole(r.role);
            s.roles.put(r, role);
            if (r.failed && !started && !stopped && !nodes.isEmpty()) s.failed.add(r);
        }
        return s;
    }

    /** Whether the simulation runs this action: required, runnable (pseudo actions included). */
    static boolean executed(Action a) {
        return !a.optional && a.runnable;
    }

    private static Role activeRole(Role r) {
        return r == null || !r.isActive() ? Role.STARTED : r;
    }

    static List<Rsc> allPrimitives(WorkingSet ws) {
        List<Rsc> out = ws.primitives();
        for (Rsc o : ws.orphans) if (!out.contains(o)) out.add(o);
        return out;
    }

    /** Nodes where the primitive is active, in history order. */
    List<NodeView> nodes(Rsc primitive) {
        return active.getOrDefault(primitive, List.of());
    }

    /** Nodes where any primitive at or below {@code r} is active, without repeats. */
    List<NodeView> nodesBelow(Rsc r) {
        Set<NodeView> out = new LinkedHashSet<>();
        for (Rsc p : r.primitives()) out.addAll(nodes(p));
        return new ArrayList<>(out);
    }

    Role role(Rsc primitive) {
        return roles.getOrDefault(primitive, Role.STOPPED);
    }

    boolean failed(Rsc primitive) {
        return failed.contains(primitive);
    }

    boolean online(NodeView n) {
        return !fenced.contains(n) && n.online;
    }

    boolean unclean(NodeView n) {
        return !fenced.contains(n) && n.unclean;
    }

    boolean pending(NodeView n) {
        return !fenced.contains(n) && n.pending;
    }

    /** Whether anything is active on the node. */
    boolean hostsAnything(NodeView n) {
        for (List<NodeView> nodes : active.values()) if (nodes.contains(n)) return true;
        return false;
    }
}
