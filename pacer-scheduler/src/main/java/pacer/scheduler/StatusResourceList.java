package pacer.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pacer.cib.ClusterOption;
import pacer.cib.Clone;
import pacer.cib.Resource;
import pacer.cib.Role;

/**
 * The "Full List of Resources" section: top-level resources in configuration order, then active
 * orphans; groups list every member; unique clones every instance; anonymous clones print the
 * instances that need attention in full and summarise the rest as {@code Started: [ … ]} and
 * {@code Stopped: [ … ]} node lists.
 */
final class StatusResourceList {
    /** Pacemaker's resource list order: higher priority first, then configuration order. */
    static final Comparator<Rsc> DISPLAY_ORDER = Comparator.comparingInt((Rsc r) -> -r.priority)
            .thenComparingInt(r -> r.order);

    private final StatusState s;
    private final StatusPrimitiveLine primitive;
    private final List<String> out = new ArrayList<>();

    private StatusResourceList(StatusState s) {
        this.s = s;
        this.primitive = new StatusPrimitiveLine(s);
    }

    static List<String> lines(StatusState s) {
        StatusResourceList l = new StatusResourceList(s);
        l.out.add("  * Full List of Resources:");
        List<Rsc> top = new ArrayList<>(s.ws.resources);
        top.sort(StatusResourceList.DISPLAY_ORDER);
        for (Rsc r : top) l.resource(r, 2);
        for (Rsc o : s.ws.orphans) {
            if (!top.contains(o) && !s.nodes(o).isEmpty()) l.resource(o, 2);
        }
        return l.out;
    }

    private static String indent(int depth) {
        return "  ".repeat(depth) + "* ";
    }

    private void resource(Rsc r, int depth) {
        switch (r.config.kind()) {
            case PRIMITIVE -> out.add(indent(depth) + primitive.text(r, r.id));
            case GROUP -> group(r, depth, r.id, false);
            case CLONE -> clone(r, depth);
            case BUNDLE -> { }
        }
    }

    private void group(Rsc g, int depth, String name, boolean baseNames) {
        out.add(indent(depth) + "Resource Group: " + name + attrs(g, false) + ":");
        for (Rsc m : g.children) {
            out.add(indent(depth + 1) + primitive.text(m, baseNames ? m.config.id() : m.id));
        }
    }

    private String attrs(Rsc r, boolean clone) {
        List<String> a = new ArrayList<>();
        if (clone && r.config instanceof Clone c && c.promotable()) a.add("promotable");
        if (clone && StatusPrimitiveLine.unique(r)) a.add("unique");
        if (StatusPrimitiveLine.disabled(r)) a.add("disabled");
        if (primitive.maintenance(r)) a.add("maintenance");
        else if (StatusPrimitiveLine.unmanagedCollective(r)) a.add("unmanaged");
        return a.isEmpty() ? "" : " (" + String.join(", ", a) + ")";
    }

    private void clone(Rsc c, int depth) {
        Resource child = ((Clone) c.config).child();
        out.add(indent(depth) + "Clone Set: " + c.id + " [" + child.id() + "]" + attrs(c, true) + ":");
        boolean unique = StatusPrimitiveLine.unique(c);
        Map<Role, List<String>> summarised = new TreeMap<>(Comparator.reverseOrder());
        int summarisedCount = 0;
        for (Rsc inst : c.children) {
            List<NodeView> nodes = s.nodesBelow(inst);
            if (unique || (!nodes.isEmpty() && needsFullLine(inst, nodes))) {
                if (inst.isPrimitive()) {
                    out.add(indent(depth + 1) + primitive.text(inst, unique ? inst.id : inst.config.id()));
                } else {
                    group(inst, depth + 1, inst.id, !unique);
                }
                continue;
            }
            if (nodes.isEmpty()) continue;
            summarised.computeIfAbsent(instanceRole(inst), k -> new ArrayList<>()).add(nodes.get(0).name);
            summarisedCount++;
        }
        boolean promotable = c.config instanceof Clone cc && cc.promotable();
        for (Map.Entry<Role, List<String>> e : summarised.entrySet()) {
            List<String> names = e.getValue();
            names.sort(StatusNodeList.NATURAL);
            String label = e.getKey() == Role.STARTED && promotable ? "Unpromoted" : e.getKey().label();
            out.add(indent(depth + 1) + label + ": [ " + String.join(" ", names) + " ]");
        }
        if (unique || c.children.size() <= summarisedCount) return;
        stopped(c, depth);
    }

    private void stopped(Rsc c, int depth) {
        List<NodeView> running = s.nodesBelow(c);
        boolean symmetric = s.ws.options.flag(ClusterOption.SYMMETRIC_CLUSTER);
        Map<String, List<String>> byStatus = new TreeMap<>();
        for (NodeView n : s.ws.nodes) {
            if (running.contains(n)) continue;
            if (!symmetric && !knownOn(c, n)) continue;
            String status = "Stopped";
            String probe = failedProbe(c, n);
            if (probe != null) status = "Stopped (" + probe + ")";
            else if (StatusPrimitiveLine.disabled(c)) status = "Stopped (disabled)";
            byStatus.computeIfAbsent(status, k -> new ArrayList<>()).add(n.name);
        }
        for (Map.Entry<String, List<String>> e : byStatus.entrySet()) {
            List<String> names = e.getValue();
            names.sort(StatusNodeList.NATURAL);
            out.add(indent(depth + 1) + e.getKey() + ": [ " + String.join(" ", names) + " ]");
        }
    }

    private static boolean knownOn(Rsc c, NodeView n) {
        for (Rsc p : c.primitives()) if (p.history.containsKey(n)) return true;
        return false;
    }

    private String failedProbe(Rsc c, NodeView n) {
        for (Rsc p : c.primitives()) {
            if (!p.history.containsKey(n)) continue;
            String text = primitive.failedProbe(p);
            if (text != null) return text;
        }
        return null;
    }

    private boolean needsFullLine(Rsc inst, List<NodeView> nodes) {
        if (nodes.size() > 1) return true;
        NodeView n = nodes.get(0);
        if (s.unclean(n) && !s.online(n)) return true;
        for (Rsc p : inst.primitives()) {
            if (s.showPending && StatusPrimitiveLine.pendingOp(p) != null) return true;
            boolean active = !s.nodes(p).isEmpty();
            if (active && (p.orphan || !p.managed || s.failed(p))) return true;
            if (!active && !inst.isPrimitive()) return true;
        }
        return false;
    }

    private Role instanceRole(Rsc inst) {
        Role best = Role.STOPPED;
        for (Rsc p : inst.primitives()) {
            Role r = s.role(p);
            if (r.compareTo(best) > 0) best = r;
        }
        return best == Role.UNPROMOTED ? Role.STARTED : best;
    }
}
