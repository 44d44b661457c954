package pacer.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.Score;

/**
 * Utilization-aware placement (placement-strategy utilization, minimal or balanced): a node may
 * take a resource only if its remaining capacity covers what the resource needs, together with
 * what must run with it (its mandatory colocation dependents not placed yet, such as the rest of
 * its group); "balanced" prefers the node with the most remaining capacity. With the default
 * strategy utilization is ignored. Works on one run's working set.
 */
final class Utilization {
    private final String strategy;
    private final Map<Rsc, List<Colocation>> asPrimary;

    Utilization(String strategy, Map<Rsc, List<Colocation>> asPrimary) {
        this.strategy = strategy;
        this.asPrimary = asPrimary;
    }

    boolean active() { return !strategy.equals("default"); }

    boolean balanced() { return strategy.equals("balanced"); }

    /** Count balancing of the default order; "minimal" packs without it. */
    boolean countBalancing() { return !strategy.equals("minimal"); }

    /** What {@code r} needs, with the unplaced resources that must go where it goes. */
    Map<String, Integer> needed(Rsc r) {
        Map<String, Integer> need = new HashMap<>();
        List<Rsc> seen = new ArrayList<>();
        collect(r, need, seen);
        return need;
    }

    private void collect(Rsc r, Map<String, Integer> need, List<Rsc> seen) {
        if (seen.contains(r)) return;
        seen.add(r);
        r.utilization.forEach((k, v) -> need.merge(k, v, Integer::sum));
        for (Colocation c : asPrimary.getOrDefault(r, List.of())) {
            if (c.score() >= Score.INFINITY && !c.dependent().assignedDone && c.dependent().isPrimitive()) {
                collect(c.dependent(), need, seen);
            }
        }
    }

    boolean fits(NodeView n, Map<String, Integer> need) {
        for (Map.Entry<String, Integer> e : need.entrySet()) {
            // A capacity the node does not define does not limit it.
            if (e.getValue() <= 0 || !n.capacity.containsKey(e.getKey())) continue;
            if (remaining(n, e.getKey()) < e.getValue()) return false;
        }
        return true;
    }

    int remaining(NodeView n, String attribute) {
        return n.capacity.getOrDefault(attribute, 0) - n.used.getOrDefault(attribute, 0);
    }

    /** Negative when {@code a} has more remaining capacity than {@code b} on more attributes. */
    int compareFree(NodeView a, NodeView b) {
        int score = 0;
        java.util.Set<String> keys = new java.util.HashSet<>(a.capacity.keySet());
        keys.addAll(b.capacity.keySet());
        for (String k : keys) score += Integer.compare(remaining(b, k), remaining(a, k));
        return Integer.signum(score);
    }

    void place(Rsc r, NodeView n) {
        if (!active()) return;
        r.utilization.forEach((k, v) -> n.used.merge(k, v, Integer::sum));
    }
}
