package pacer.scheduler;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import pacer.cib.LrmOperation;
import pacer.cib.Operation;

/**
 * Notices a changed resource definition by recomputing the digests Pacemaker records with each
 * operation: MD5 of {@code  <parameters name="value" .../>} plus a newline, names sorted. A
 * changed restart digest (the non-reloadable parameters) means restart; a changed main digest
 * means reload where the agent can reload, restart otherwise; a secure digest that still matches
 * (private parameters masked) means the change is ignored.
 */
final class DigestCheck {
    private DigestCheck() {}

    enum Outcome { NONE, RELOAD, RESTART }

    static boolean changed(Rsc r, NodeHistory h) {
        return outcome(r, h) != Outcome.NONE;
    }

    static Outcome outcome(Rsc r, NodeHistory h) {
        LrmOperation op = h.lastDefiningOp;
        if (h.agentChanged && h.role.isActive()) return Outcome.RESTART;
        if (op == null || r.orphan || !r.isPrimitive() || op.opDigest().isEmpty()) return Outcome.NONE;
        String task = op.operation().equals("monitor") ? "start" : op.operation();
        Map<String, String> params = parameters(r, h.node, task);
        if (op.restartDigest().isPresent()) {
            Map<String, String> restart = new TreeMap<>(params);
            op.attribute("op-force-restart").ifPresent(list -> restart.keySet().retainAll(names(list)));
            if (!digest(restart).equals(op.restartDigest().get())) return Outcome.RESTART;
        }
        if (digest(params).equals(op.opDigest().get())) return Outcome.NONE;
        // A start that is still running, or whose op carries its own parameters, cannot be reloaded.
        if (op.isPending() || hasOwnParameters(r, task)) return Outcome.RESTART;
        Optional<String> secure = op.secureDigest();
        if (secure.isPresent()) {
            Map<String, String> masked = new TreeMap<>(newFeatureSet(op) ? params : instanceOnly(r, h.node));
            op.attribute("op-secure-params").ifPresent(list -> masked.keySet().removeAll(names(list)));
            if (digest(masked).equals(secure.get())) return Outcome.NONE;
        }
        return op.restartDigest().isPresent() ? Outcome.RELOAD : Outcome.RESTART;
    }

    /** Histories recorded before feature set 3.16.0 hashed only the instance attributes. */
    private static boolean newFeatureSet(LrmOperation op) {
        String[] v = op.attribute("crm_feature_set").orElse("0").split("\\.");
        int[] want = {3, 16, 0};
        for (int i = 0; i < 3; i++) {
            int x = i < v.length ? parseInt(v[i]) : 0;
            if (x != want[i]) return x > want[i];
        }
        return true;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> instanceOnly(Rsc r, NodeView node) {
        Map<String, String> p = new TreeMap<>();
        for (Rsc x = r; x != null; x = x.parent) WorkingSetAccess.instance(x, node).forEach(p::putIfAbsent);
        if (r.isFencingDevice()) {
            p.keySet().removeIf(k -> k.equals("provides") || k.equals("stonith-timeout") || k.startsWith("pcmk_"));
        }
        return p;
    }

    private static boolean hasOwnParameters(Rsc r, String task) {
        return r.primitive().operations().stream()
                .anyMatch(o -> o.name().equals(task) && o.intervalMs() == 0 && !o.instance().isEmpty());
    }

    /** Whether a restart forced by this history prints no reason (agent changed, start pending). */
    static boolean silentRestart(NodeHistory h) {
        return h.agentChanged || (h.lastDefiningOp != null && h.lastDefiningOp.isPending());
    }

    private static Set<String> names(String list) {
        Set<String> out = new HashSet<>(Arrays.asList(list.trim().split("\\s+")));
        out.remove("");
        return out;
    }

    /** The parameters an operation ran with: instance attributes (own, then inherited) and the op's own. */
    static Map<String, String> parameters(Rsc r, NodeView node, String task) {
        Map<String, String> p = new TreeMap<>();
        for (Rsc x = r; x != null; x = x.parent) {
            WorkingSetAccess.instance(x, node).forEach(p::putIfAbsent);
        }
        for (Operation o : r.primitive().operations()) {
            if (o.name().equals(task) && o.intervalMs() == 0) {
                o.instance().forEach(s -> s.values().forEach(p::putIfAbsent));
            }
        }
        p.remove("id");
        p.remove("crm_feature_set");
        p.keySet().removeIf(k -> k.startsWith("CRM_meta_"));
        // A bundle's connection to a container without its own IP reaches it through its host.
        if ("#uname".equalsIgnoreCase(p.get("addr")) && Launchers.isConnection(r) && r.meta.containsKey("container")
                && node != null) p.put("addr", node.name);
        return p;
    }

    static String digest(Map<String, String> params) {
        return pacer.cib.OperationDigest.of(params);
    }
}
