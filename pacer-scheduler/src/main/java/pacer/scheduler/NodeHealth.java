package pacer.scheduler;

import java.util.List;
import java.util.Locale;
import pacer.cib.BooleanValue;
import pacer.cib.ClusterOption;
import pacer.cib.Score;

/**
 * node-health-strategy: node attributes named {@code #health-*} (red, yellow, green or a number)
 * turned into node scores for every resource that does not allow unhealthy nodes.
 * {@code migrate-on-red}: red is -INFINITY; {@code only-green}: anything but green is
 * -INFINITY; {@code progressive} and {@code custom}: the sum of the node-health-red/yellow/green
 * values (and numbers as given); {@code none}: health is ignored.
 */
final class NodeHealth {
    private final WorkingSet ws;

    NodeHealth(WorkingSet ws) { this.ws = ws; }

    void apply(List<Rsc> resources) {
        String strategy = ws.options.get(ClusterOption.NODE_HEALTH_STRATEGY).toLowerCase(Locale.ROOT);
        if (strategy.equals("none")) return;
        for (NodeView n : ws.nodes) {
            int health = score(n, strategy);
            if (health == 0) continue;
            for (Rsc r : resources) {
                if (BooleanValue.parse(r.meta.get("allow-unhealthy-nodes"), false)) continue;
                if (r.scores.containsKey(n)) r.scores.merge(n, health, Score::add);
            }
        }
    }

    private int score(NodeView n, String strategy) {
        int total = 0;
        for (var e : n.attributes.entrySet()) {
            if (!e.getKey().startsWith("#health")) continue;
            String v = e.getValue().trim().toLowerCase(Locale.ROOT);
            int s = switch (strategy) {
                case "migrate-on-red" -> v.equals("red") ? -Score.INFINITY : 0;
                case "only-green" -> v.equals("green") ? 0 : -Score.INFINITY;
                default -> switch (v) {
                    case "red" -> option("node-health-red", 0);
                    case "yellow" -> option("node-health-yellow", 0);
                    case "green" -> option("node-health-green", 0);
                    default -> Score.parse(v, 0);
                };
            };
            total = Score.add(total, s);
        }
        return total;
    }

    private int option(String name, int fallback) {
        return ws.cib.configuration().crmConfig().stream().map(set -> set.values().get(name))
                .filter(v -> v != null).findFirst().map(v -> Score.parse(v, fallback)).orElse(fallback);
    }
}
