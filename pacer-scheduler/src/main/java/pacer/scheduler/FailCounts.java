package pacer.scheduler;

import java.time.Instant;
import java.util.Map;
import pacer.cib.Score;

/**
 * Reads a resource's fail count on a node from the node's transient attributes, in both forms
 * ({@code fail-count-RSC} and per operation {@code fail-count-RSC#OP_INTERVAL}), dropping counts
 * whose {@code last-failure} is older than the resource's {@code failure-timeout}.
 */
final class FailCounts {
    private FailCounts() {}

    static int count(Rsc r, NodeView n, Instant now) {
        String base = r.config.id();
        // An anonymous clone's fail counts belong to the clone on that node, whatever the number.
        String instance = CloneInstances.anonymousClone(r) != null ? base + ":*" : r.id;
        int total = 0;
        long lastFailure = 0;
        for (Map.Entry<String, String> e : n.attributes.entrySet()) {
            String name = e.getKey();
            if (matches(name, "fail-count-", base, instance)) total = Score.add(total, Score.parse(e.getValue(), 0));
            if (matches(name, "last-failure-", base, instance)) {
                try {
                    lastFailure = Math.max(lastFailure, Long.parseLong(e.getValue().trim()));
                } catch (NumberFormatException ignored) {
                    // not a time: the count stands
                }
            }
        }
        // A failure-timeout does not apply where failures block the resource (on-fail=block).
        if (total > 0 && r.failureTimeoutMs > 0 && lastFailure > 0 && !blocksOnFailure(r)
                && now.getEpochSecond() >= lastFailure + r.failureTimeoutMs / 1000) {
            return 0;
        }
        return total;
    }

    private static boolean blocksOnFailure(Rsc r) {
        return r.isPrimitive() && r.primitive().operations().stream()
                .anyMatch(o -> "block".equals(o.attribute("on-fail").orElse(null)));
    }

    private static boolean matches(String name, String prefix, String base, String instance) {
        if (!name.startsWith(prefix)) return false;
        String rest = name.substring(prefix.length());
        int hash = rest.indexOf('#');
        String rid = hash >= 0 ? rest.substring(0, hash) : rest;
        if (instance.endsWith(":*")) rid = rid.replaceAll(":[0-9]+$", "");
        return rid.equals(base) || rid.equals(instance);
    }
}
