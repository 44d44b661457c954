package pacer.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.ClusterOption;
import pacer.cib.Resource;
import pacer.cib.Role;

/**
 * Creates the actions that take each resource from where it runs to where placement put it
 * (stops, starts, restarts, fencing), links them by orderings (the resource's own stop before
 * start, group and clone pseudo actions, constraints, fencing before recovery), and propagates
 * "required" and "unrunnable" along those orderings until nothing changes.
 */
final class ActionPlanner {
    private final WorkingSet ws;
    private final List<Ordering> orderings;
    private final List<Colocation> colocations;
    final List<Action> actions = new ArrayList<>();
    final List<Action> fencing = new ArrayList<>();
    /** Probes (one-shot monitors), each before any start of what it probes. */
    final List<Action> probes = new ArrayList<>();
    final List<OrderEdge> edges = new ArrayList<>();
    private final Map<String, Action> index = new LinkedHashMap<>();
    final CloneActions clones;

    ActionPlanner(WorkingSet ws, List<Ordering> orderings, List<Colocation> colocations) {
        this.ws = ws;
        this.orderings = orderings;
        this.colocations = colocations;
        this.clones = new CloneActions(ws, this);
    }

    void plan() {
        fencing();
        clones.inhibitUninterleaved(orderings);
        for (Rsc r : allPrimitives()) primitiveActions(r);
        for (Rsc r : ws.resources) collectiveActions(r);
        new GuestFencing(ws, this).create();
        new RemoteOrdering(ws, this).apply();
        clones.blockInhibited();
        new PromotionActions(ws, this).create();
        for (Ordering o : orderings) constraint(o);
        probes();
        new Propagation(ws, this, colocations).run();
        reloads();
    }

    private void probes() {
        for (Probes.Target t : Probes.of(ws)) {
            Action probe = new Action(t.rsc(), "monitor", t.node(), 0, false);
            probes.add(probe);
            actions.add(probe);
            for (Action a : new ArrayList<>(actions)) {
                if (a.rsc != null && a.task.equals("start") && a.node != null && a.rsc.isPrimitive()
                        && Probes.guards(t.rsc(), a.rsc)) {
                    edges.add(new OrderEdge(probe, a, false, false, false));
                }
            }
        }
    }

    /**
     * A changed parameter the agent can take without a restart: reload the agent where the
     * resource stays (unless an ordering made it restart anyway). Added after propagation, as it
     * depends on whether the start stayed optional.
     */
    private void reloads() {
        for (Rsc r : allPrimitives()) {
            NodeView n = r.assigned;
            if (!r.managed || n == null || r.runningOn.size() != 1 || r.runningOn.get(0) != n) continue;
            Action start = find(r, "start", n);
            NodeHistory h = r.history.get(n);
            if (start == null || !start.optional || h == null) continue;
            if (DigestCheck.outcome(r, h) == DigestCheck.Outcome.RELOAD) add(r, "reload-agent", n, false);
        }
    }

    private List<Rsc> allPrimitives() {
        List<Rsc> out = ws.primitives();
        out.addAll(ws.orphans);
        return out;
    }

    private boolean quorumAllowsStarts() {
        if (ws.haveQuorum) return true;
        String p = ws.options.noQuorumPolicy();
        return p.equals("ignore");
    }

    private void fencing() {
        if (!ws.options.fencingEnabled()) return;
        String action = ws.options.get(ClusterOption.FENCING_ACTION).equals("off")
                || ws.options.get(ClusterOption.FENCING_ACTION).equals("poweroff") ? "off" : "reboot";
        boolean quorate = ws.haveQuorum || ws.options.noQuorumPolicy().equals("ignore");
        if (!ws.haveQuorum && ws.options.noQuorumPolicy().equals("fence")) quorate = true;
        if (!quorate) return;
        boolean runnable = ws.haveQuorum || ws.options.noQuorumPolicy().equals("ignore");
        // Pacemaker creates fencing in three waves (and prints the newest first): nodes found
        // unclean while unpacking the status, in status order; unfencing; then the nodes never
        // seen, by name.
        List<NodeView> byStatus = new ArrayList<>();
        for (pacer.cib.NodeState st : ws.cib.status().nodes()) {
            NodeView n = ws.node(st.id().isEmpty() ? st.uname() : st.id());
            if (n != null && !byStatus.contains(n)) byStatus.add(n);
        }
        for (NodeView n : byStatus) {
            if (n.unclean && n.fenceReason != null && !n.fenceReason.equals("node is unclean")) {
                addFence(n, action, n.fenceReason, runnable);
            }
        }
        unfencing(runnable);
        List<NodeView> rest = new ArrayList<>();
        for (NodeView n : ws.nodes) if (n.unclean && fenceOf(n) == null) rest.add(n);
        rest.sort(java.util.Comparator.comparing((NodeView n) -> n.name, StatusNodeList.NATURAL));
        for (NodeView n : rest) addFence(n, action, n.fenceReason == null ? "node is unclean" : n.fenceReason, runnable);
    }

    private void addFence(NodeView n, String op, String why, boolean runnable) {
        Action a = new Action(null, "stonith", n, 0, false);
        a.fenceReason = why;
        a.reason = op;
        a.runnable = runnable;
        fencing.add(a);
        actions.add(a);
    }

    /**
     * Unfencing: where a fence device provides unfencing (fabric fencing such as fence_scsi), a
     * node must be unfenced ("on") before it runs anything, unless it already was.
     */
    private void unfencing(boolean runnable) {
        Rsc device = null;
        for (Rsc r : allPrimitives()) {
            if (r.isFencingDevice() && "unfencing".equals(r.meta.get("provides"))) {
                device = r;
                break;
            }
        }
        if (device == null) return;
        // A changed device unfences again where it runs: what those nodes run needs the new fabric access.
        for (NodeView n : ws.nodes) {
            NodeHistory h = device.history.get(n);
            if (h == null || !device.runningOn.contains(n) || !n.online || n.unclean) continue;
            if (h.agentChanged) addFence(n, "on", "Device definition changed", runnable);
            else if (DigestCheck.outcome(device, h) != DigestCheck.Outcome.NONE) {
                addFence(n, "on", "Device parameters changed", runnable);
            }
        }
        for (NodeView n : ws.nodes) {
            if (!n.online || n.unclean || n.attributes.containsKey("#node-unfenced") || unfenceOf(n) != null) continue;
            addFence(n, "on", "required by " + device.id + " monitor", runnable);
        }
    }

    /** The unfencing ("on") action for {@code n}, if any. */
    Action unfenceOf(NodeView n) {
        for (Action f : fencing) if (f.node == n && "on".equals(f.reason)) return f;
        return null;
    }

    private Action fenceOf(NodeView n) {
        for (Action f : fencing) if (f.node == n && !"on".equals(f.reason)) return f;
        return null;
    }

    Action find(Rsc r, String task, NodeView node) {
        return index.get(r.id + "|" + task + "|" + (node == null ? "" : node.name));
    }

    Action add(Rsc r, String task, NodeView node, boolean optional) {
        Action a = new Action(r, task, node, 0, optional);
        index.put(r.id + "|" + task + "|" + (node == null ? "" : node.name), a);
        actions.add(a);
        return a;
    }

    private void primitiveActions(Rsc r) {
        NodeView next = r.assigned;
        boolean shouldRun = next != null && r.unassignedReason == null;
        if (!r.managed) {
            unmanagedActions(r);
            return;
        }
        boolean multiple = r.runningOn.size() > 1;
        List<Action> stops = new ArrayList<>();
        for (NodeView cur : r.runningOn) {
            boolean restart = needsRestart(r, cur);
            boolean optional = shouldRun && cur == next && !restart && !multiple && !cur.unclean;
            Action stop = add(r, "stop", cur, optional);
            if (!optional && multiple && "stop_unexpected".equals(r.meta.get("multiple-active"))) {
                stop.reason = "being multiply active";
            }
            if (restart && cur == next && r.history.get(cur) != null && r.history.get(cur).failure == null
                    && !DigestCheck.silentRestart(r.history.get(cur))) {
                stop.reason = "resource definition change";
            }
            if (cur.unclean) {
                stop.pseudo = true;
                Action fence = fenceOf(cur);
                if (fence == null) stop.runnable = false;
                else edges.add(new OrderEdge(fence, stop, false, false, true));
            } else if (!cur.online) {
                stop.runnable = false;
            }
            stops.add(stop);
        }
        Action start;
        if (shouldRun) {
            boolean optional = r.runningOn.size() == 1 && r.runningOn.get(0) == next && !needsRestart(r, next)
                    && !next.unclean;
            start = add(r, "start", next, optional);
            if (!next.canHostResources()) start.runnable = false;
            // A node that is up but has not joined yet cannot be probed: where the resource might be
            // active there, starting it elsewhere could make it active twice.
            if (!optional && ws.nodes.stream().anyMatch(n -> n.pending && !r.history.containsKey(n))) {
                start.runnable = false;
            }
            boolean freeze = ws.options.noQuorumPolicy().equals("freeze");
            boolean needsQuorum = !"nothing".equals(r.meta.get("requires"));
            if (needsQuorum && !quorumAllowsStarts() && ((!optional && r.runningOn.isEmpty()) || !freeze)) {
                start.runnable = false;
                start.reason = freeze ? "quorum freeze" : "no quorum";
            }
            for (Action stop : stops) {
                if ("resource definition change".equals(stop.reason) && start.reason == null) start.reason = stop.reason;
            }
        } else {
            start = add(r, "start", null, true);
            start.runnable = false;
        }
        for (Action stop : stops) edges.add(new OrderEdge(stop, start, true, false, true));
        if (!quorumAllowsStarts() && ws.options.noQuorumPolicy().equals("stop") && !"nothing".equals(r.meta.get("requires"))) {
            for (Action stop : stops) {
                stop.optional = false;
                stop.reason = "no quorum";
            }
        }
        for (Action f : fencing) {
            if (r.isFencingDevice()) continue;
            // Unfencing the node it runs on means starting it again there ("due to required stonith").
            boolean unfenceHere = "on".equals(f.reason) && start.node == f.node && r.runningOn.contains(f.node);
            edges.add(new OrderEdge(f, start, unfenceHere, false, false));
        }
    }

    /** An unmanaged resource gets actions only so that orderings see it: nothing runs. */
    private void unmanagedActions(Rsc r) {
        NodeView cur = r.currentNode();
        Action start = add(r, "start", cur, true);
        // A resource blocked by a failure cannot be (re)started, and what must start after it cannot either.
        start.runnable = cur != null && !r.blockedByFailure;
        if (cur != null) add(r, "stop", cur, true).runnable = !r.blocked;
    }

    private boolean needsRestart(Rsc r, NodeView n) {
        NodeHistory h = r.history.get(n);
        if (h == null) return false;
        if (h.failure != null && h.onFail == OnFail.RESTART) return true;
        // A reloadable change is a reload, not a restart, unless an ordering requires the start.
        return DigestCheck.outcome(r, h) == DigestCheck.Outcome.RESTART;
    }

    /** Pseudo actions for groups and clones: start/running and stop/stopped around the members. */
    private void collectiveActions(Rsc r) {
        if (r.isPrimitive()) return;
        for (Rsc c : r.children) collectiveActions(c);
        Action start = add(r, "start", null, true);
        Action running = add(r, "running", null, true);
        Action stop = add(r, "stop", null, true);
        Action stopped = add(r, "stopped", null, true);
        for (Action a : List.of(start, running, stop, stopped)) a.pseudo = true;
        boolean group = r.config.kind() == Resource.Kind.GROUP;
        for (Rsc child : r.children) {
            Action cs = child.isPrimitive() ? find(child, "start", child.assigned) : find(child, "start", null);
            if (cs == null && child.isPrimitive()) cs = find(child, "start", null);
            Action cr = child.isPrimitive() ? cs : find(child, "running", null);
            if (cs != null) edges.add(new OrderEdge(start, cs, true, false, true));
            // A clone runs as long as any instance does (CloneActions); a group needs every member.
            if (cr != null) edges.add(new OrderEdge(cr, running, true, false, !CloneActions.isClone(r)));
            for (NodeView n : child.isPrimitive() ? child.runningOn : List.<NodeView>of()) {
                Action s = find(child, "stop", n);
                if (s == null) continue;
                edges.add(new OrderEdge(stop, s, false, false, false));
                edges.add(new OrderEdge(s, stopped, true, false, false));
            }
            if (!child.isPrimitive()) {
                Action childStop = find(child, "stop", null);
                Action childStopped = find(child, "stopped", null);
                edges.add(new OrderEdge(stop, childStop, false, false, false));
                edges.add(new OrderEdge(childStopped, stopped, true, false, false));
            }
        }
        edges.add(new OrderEdge(start, running, false, false, true));
        edges.add(new OrderEdge(stopped, start, false, false, false));
    }

    private List<Action> actionsFor(Rsc r, String task) {
        List<Action> out = new ArrayList<>();
        if (!r.isPrimitive()) {
            Action a = find(r, task, null);
            if (a != null) out.add(a);
            return out;
        }
        for (Action a : actions) if (a.rsc == r && a.task.equals(task)) out.add(a);
        return out;
    }

    private void constraint(Ordering o) {
        if (!o.mandatory()) return;
        String firstTask = o.first().isPrimitive() ? o.firstTask() : groupTask(o.firstTask(), true);
        String thenTask = o.thenTask();
        boolean forward = o.firstTask().equals("start") || o.firstTask().equals("promote");
        boolean inverse = o.id().endsWith("-inverse");
        List<Action[]> pairs = clones.interleavedPairs(o);
        if (pairs == null) {
            pairs = new ArrayList<>();
            for (Action f : actionsFor(o.first(), firstTask)) {
                for (Action t : actionsFor(o.then(), thenTask)) pairs.add(new Action[] {f, t});
            }
        }
        for (Action[] pair : pairs) {
            Action f = pair[0];
            Action t = pair[1];
            if (inverse) edges.add(new OrderEdge(f, t, false, true, false));
            else if (!o.symmetrical()) edges.add(new OrderEdge(f, t, false, false, false, true));
            else edges.add(new OrderEdge(f, t, true, false, forward));
        }
    }

    private static String groupTask(String task, boolean first) {
        return switch (task) {
            case "start" -> "running";
            case "stop" -> "stopped";
            case "promote" -> "promoted";
            case "demote" -> "demoted";
            default -> task;
        };
    }

    Role nextRoleOf(Rsc r) {
        if (r.assigned == null || r.unassignedReason != null) return Role.STOPPED;
        Action start = find(r, "start", r.assigned);
        if (start != null && !start.runnable) return r.runningOn.contains(r.assigned) && start.optional ? Role.STARTED : Role.STOPPED;
        return Role.STARTED;
    }
}
