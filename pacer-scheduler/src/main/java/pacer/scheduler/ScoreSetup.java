package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pacer.cib.ClusterOption;
import pacer.cib.LocationConstraint;
import pacer.cib.Role;
import pacer.cib.Score;
import pacer.cib.xml.XmlElement;

/**
 * Sets each primitive's starting node scores: the allowed nodes (all of them in a symmetric
 * cluster), location constraints and their rules, stickiness on the current node, and bans from
 * failures (migration-threshold, hard and fatal errors) and from target-role=Stopped.
 */
final class ScoreSetup {
    private final WorkingSet ws;
    private final ConstraintExpander constraints;

    ScoreSetup(WorkingSet ws, ConstraintExpander constraints) {
        this.ws = ws;
        this.constraints = constraints;
    }

    void apply() {
        boolean symmetric = ws.options.flag(ClusterOption.SYMMETRIC_CLUSTER);
        List<Rsc> all = new ArrayList<>(ws.primitives());
        all.addAll(ws.orphans);
        for (Rsc r : all) {
            if (symmetric) for (NodeView n : ws.nodes) r.scores.put(n, n.configScore);
        }
        for (LocationConstraint l : constraints.locations) location(l);
        new TicketRules(ws, constraints).apply();
        new NodeHealth(ws).apply(all);
        boolean noDevices = ws.options.fencingEnabled() && all.stream().noneMatch(Rsc::isFencingDevice);
        if (noDevices && !all.isEmpty()) {
            ws.reports.warning("no-fencing-devices", "fencing-enabled", 0, "fencing is enabled but no fencing "
                    + "device is configured, so resources that require fencing will not start; configure one "
                    + "(pcs stonith create ...) or set stonith-enabled=false if your data cannot be corrupted "
                    + "by two nodes running it at once");
        }
        for (Rsc r : all) {
            // Start-up is disabled for what needs fencing when nothing can fence.
            if (noDevices && needsFencing(r) && r.runningOn.isEmpty()) r.unassignedReason = "no fencing devices";
            failures(r);
            stickiness(r);
            if (r.orphan) r.unassignedReason = "orphan";
            for (NodeHistory h : r.history.values()) {
                if (h.onFail == OnFail.STOP && h.failure != null) r.unassignedReason = "on-fail=stop";
            }
            if (r.runningOn.size() > 1) {
                String policy = r.meta.getOrDefault("multiple-active", "stop_start");
                if (policy.equals("stop_only")) r.unassignedReason = "multiple-active";
                if (policy.equals("block")) {
                    r.managed = false;
                    r.blocked = true;
                }
            }
            if (r.targetRole == Role.STOPPED) r.unassignedReason = "target-role";
            if (ws.options.flag(ClusterOption.STOP_ALL_RESOURCES)) r.unassignedReason = "stop-all-resources";
        }
    }

    private boolean needsFencing(Rsc r) {
        String requires = r.meta.get("requires");
        if (requires != null) return requires.equals("fencing") || requires.equals("unfencing");
        return !r.isFencingDevice();
    }

    private void location(LocationConstraint l) {
        List<Rsc> targets = new ArrayList<>();
        l.resource().ifPresent(id -> constraints.resolve(id).forEach(t -> targets.addAll(t.primitives())));
        l.resourcePattern().ifPresent(p -> constraints.matching(p).forEach(t -> targets.addAll(t.primitives())));
        l.sets().forEach(s -> s.resources().forEach(id -> constraints.resolve(id).forEach(t -> targets.addAll(t.primitives()))));
        if (targets.isEmpty()) return;
        // Started and Unpromoted constraints apply to every role; Promoted ones only to promotion.
        boolean promotedOnly = l.role().orElse(Role.UNKNOWN) == Role.PROMOTED;
        if (l.node().isPresent()) {
            NodeView n = ws.node(l.node().get());
            if (n == null) return;
            int score = l.score().orElse(0);
            for (Rsc r : targets) (promotedOnly ? r.promotedScores : r.scores).merge(n, score, Score::add);
            return;
        }
        for (XmlElement rule : l.rules()) {
            boolean ruleOnlyPromoted = rule.has("role") ? Role.parse(rule.attr("role")).orElse(Role.UNKNOWN) == Role.PROMOTED
                    : promotedOnly;
            for (NodeView n : ws.nodes) {
                if (!ws.rules.passes(rule, n.attributes, targets.get(0).isPrimitive() ? targets.get(0).primitive() : null, null)) {
                    continue;
                }
                int score = ruleScore(rule, n);
                for (Rsc r : targets) (ruleOnlyPromoted ? r.promotedScores : r.scores).merge(n, score, Score::add);
            }
        }
    }

    private static int ruleScore(XmlElement rule, NodeView n) {
        String attr = rule.attr("score-attribute");
        if (attr != null) return Score.parse(n.attributes.get(attr), 0);
        return Score.parse(rule.attr("score"), 0);
    }

    private void stickiness(Rsc r) {
        if (!r.managed || r.runningOn.size() != 1 || r.stickiness == 0) return;
        NodeView n = r.runningOn.get(0);
        if (!r.scores.containsKey(n)) return;
        r.scores.merge(n, r.stickiness, Score::add);
    }

    private void failures(Rsc r) {
        for (Map.Entry<NodeView, NodeHistory> e : r.history.entrySet()) {
            NodeHistory h = e.getValue();
            if (h.fatal) {
                r.scores.replaceAll((n, s) -> -Score.INFINITY);
            }
            if (h.hardBan) r.scores.put(e.getKey(), -Score.INFINITY);
        }
        if (r.migrationThreshold <= 0) return;
        if (r.history.values().stream().anyMatch(h -> h.failureIgnored)) return;
        for (NodeView n : ws.nodes) {
            int count = FailCounts.count(r, n, ws.now);
            if (count > 0 && count >= r.migrationThreshold && r.scores.containsKey(n)) {
                r.scores.put(n, -Score.INFINITY);
            }
        }
    }
}
