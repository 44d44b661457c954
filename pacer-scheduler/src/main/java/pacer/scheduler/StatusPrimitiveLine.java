package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import pacer.cib.BooleanValue;
import pacer.cib.ClusterOption;
import pacer.cib.LrmOperation;
import pacer.cib.LrmResource;
import pacer.cib.NodeState;
import pacer.cib.Primitive;
import pacer.cib.Resource;
import pacer.cib.Role;

/**
 * Formats one primitive (or clone instance) as a status line:
 * {@code <name>\t(<agent>):\t <state words>[ <node>][ (<flags>)][ [ n1 n2 ]]}, with the state words
 * (ORPHANED, FAILED or the role, or a pending action), the failed-probe text for stopped resources,
 * and the flags (UNCLEAN, Monitoring, disabled, blocked/maintenance/unmanaged).
 */
final class StatusPrimitiveLine {
    private final StatusState s;

    StatusPrimitiveLine(StatusState s) {
        this.s = s;
    }

    /** The line text after the indentation and {@code "* "}; {@code name} is what to print as the id. */
    String text(Rsc r, String name) {
        Primitive p = r.primitive();
        StringBuilder b = new StringBuilder();
        b.append(name).append('\t').append('(').append(agent(p)).append("):\t ");
        List<NodeView> nodes = s.nodes(r);
        LrmOperation pending = s.showPending ? pendingOp(r) : null;
        boolean monitoring = pending != null && pending.operation().equals("monitor");
        String pendingWord = pending == null || monitoring ? null : pendingWord(pending.operation());
        List<String> words = new ArrayList<>();
        if (r.orphan) words.add("ORPHANED");
        Role role = s.role(r);
        if (s.failed(r)) {
            words.add("FAILED");
            if (role == Role.PROMOTED) words.add("Promoted");
        } else if (pendingWord != null) {
            words.add(pendingWord);
        } else {
            words.add(displayRole(r, role).label());
        }
        if (nodes.size() == 1) {
            words.add(nodes.get(0).name);
        } else if (nodes.isEmpty() && pending != null && pendingNode(r) != null) {
            words.add(pendingNode(r).name);
        }
        b.append(String.join(" ", words));
        if (role == Role.STOPPED && !s.failed(r)) {
            String probe = failedProbe(r);
            if (probe != null) b.append(" (").append(probe).append(") ");
        }
        List<String> flags = new ArrayList<>();
        if (nodes.size() == 1 && !s.online(nodes.get(0)) && s.unclean(nodes.get(0))) flags.add("UNCLEAN");
        if (monitoring) flags.add("Monitoring");
        if (disabled(r)) flags.add("disabled");
        if (r.blocked) flags.add("blocked");
        else if (maintenance(r)) flags.add("maintenance");
        else if (!r.managed) flags.add("unmanaged");
        if (failureIgnored(r)) flags.add("failure ignored");
        if (!flags.isEmpty()) b.append(" (").append(String.join(", ", flags)).append(')');
        if (nodes.size() > 1) {
            b.append(" [");
            for (NodeView n : nodes) b.append(' ').append(n.name);
            b.append(" ]");
        }
        return b.toString();
    }

    static String agent(Primitive p) {
        if ("ocf".equals(p.standard()) && p.provider().isPresent()) return p.agent();
        return p.standard() + ":" + p.type();
    }

    private static Role displayRole(Rsc r, Role role) {
        Rsc top = r.top();
        if (role == Role.STARTED && top.config instanceof pacer.cib.Clone c && c.promotable()) return Role.UNPROMOTED;
        return role;
    }

    private static String pendingWord(String task) {
        return switch (task) {
            case "start" -> "Starting";
            case "stop" -> "Stopping";
            case "migrate_to", "migrate_from" -> "Migrating";
            case "promote" -> "Promoting";
            case "demote" -> "Demoting";
            default -> null;
        };
    }

    static LrmOperation pendingOp(Rsc r) {
        for (NodeHistory h : r.history.values()) {
            if (h.pending == null) continue;
            if (h.pending.operation().equals("monitor") && h.pending.intervalMs() == 0) continue;
            return h.pending;
        }
        return null;
    }

    private static NodeView pendingNode(Rsc r) {
        for (NodeHistory h : r.history.values()) if (h.pending != null) return h.node;
        return null;
    }

    /** Whether the effective target-role keeps it down (own or inherited meta). */
    static boolean disabled(Rsc r) {
        Role t = Role.parse(r.meta.get("target-role")).orElse(r.targetRole);
        if (t == Role.STOPPED) return true;
        Rsc top = r.top();
        return t == Role.UNPROMOTED && top.config instanceof pacer.cib.Clone c && c.promotable();
    }

    boolean maintenance(Rsc r) {
        if (s.ws.options.flag(ClusterOption.MAINTENANCE_MODE)) return true;
        if (BooleanValue.parse(r.meta.get("maintenance"), false)) return true;
        if (!r.isPrimitive()) return false;
        for (NodeView n : s.nodes(r)) if (n.maintenance) return true;
        return false;
    }

    /** The exit text of a failed probe of a stopped resource, as crm_simulate shows it. */
    String failedProbe(Rsc r) {
        for (LrmResource lrm : histories(r)) {
            for (LrmOperation op : lrm.operations()) {
                if (!op.operation().equals("monitor") || op.intervalMs() != 0 || op.isPending()) continue;
                if (expired(r, op)) continue;
                String text = exitText(op.rcCode());
                if (text != null) return text;
            }
        }
        return null;
    }

    /** Whether a failure-timeout has passed since the operation's result was recorded. */
    private boolean expired(Rsc r, LrmOperation op) {
        if (r.failureTimeoutMs <= 0) return false;
        long last = op.lastRcChange() > 0 ? op.lastRcChange() : parseLong(op.attribute("last-run").orElse("0"));
        return last > 0 && s.ws.now.getEpochSecond() >= last + r.failureTimeoutMs / 1000;
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether some recorded operation failed where its configuration says {@code on-fail=ignore}. */
    private boolean failureIgnored(Rsc r) {
        for (LrmResource lrm : histories(r)) {
            for (LrmOperation op : lrm.operations()) {
                if (op.isPending() || op.rcCode() == HistoryUnpacker.expectedRc(op)) continue;
                boolean probe = op.operation().equals("monitor") && op.intervalMs() == 0;
                if (probe && (op.rcCode() == 7 || op.rcCode() == 8)) continue;
                for (pacer.cib.Operation o : r.primitive().operations()) {
                    if (o.name().equals(op.operation()) && o.intervalMs() == op.intervalMs()
                            && "ignore".equals(o.attribute("on-fail").orElse(""))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The status entries recorded for this resource (by its id or, for clone instances, its base id). */
    private List<LrmResource> histories(Rsc r) {
        List<LrmResource> out = new ArrayList<>();
        for (NodeView n : r.history.keySet()) {
            for (NodeState state : s.ws.cib.status().nodes()) {
                if (!state.id().equals(n.id) && !state.uname().equals(n.name)) continue;
                for (LrmResource lrm : state.resources()) {
                    if (lrm.id().equals(r.id) || lrm.id().equals(r.config.id())) out.add(lrm);
                }
            }
        }
        return out;
    }

    private static String exitText(int rc) {
        return switch (rc) {
            case 1 -> "Error occurred";
            case 2 -> "Invalid parameter";
            case 3 -> "Unimplemented";
            case 4 -> "Insufficient privileges";
            case 5 -> "Not installed";
            case 6 -> "Not configured";
            default -> null;
        };
    }

    /** Whether a collective is shown as unmanaged (its own or inherited is-managed=false). */
    static boolean unmanagedCollective(Rsc r) {
        return !BooleanValue.parse(r.meta.get("is-managed"), true);
    }

    static boolean isAnonymousCloneInstance(Rsc r) {
        Rsc top = r.top();
        return top != r && top.config.kind() == Resource.Kind.CLONE && !unique(top);
    }

    /** Whether instances are distinct; LSB agents can't be, so their clones stay anonymous. */
    static boolean unique(Rsc clone) {
        if (!BooleanValue.parse(clone.meta.get("globally-unique"), false)) return false;
        for (Rsc p : clone.primitives()) if ("lsb".equals(p.primitive().standard())) return false;
        return true;
    }
}
