package pacer.controller;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import pacer.cib.AttributeSet;
import pacer.cib.Cib;
import pacer.cib.ClusterOption;
import pacer.cib.NodeState;
import pacer.cib.Primitive;
import pacer.cib.Resource;
import pacer.cib.TimeSpec;

/**
 * When the DC must schedule again although nothing happened (Pacemaker's {@code recheck_by}):
 * at the next failure-timeout expiry of a fail count in the status, or after
 * {@code cluster-recheck-interval}, whichever comes first. Pure.
 */
final class Recheck {
    private Recheck() {}

    static Duration next(Cib cib, Instant now) {
        long intervalMs = TimeSpec.parseMillis(CibLookup.option(cib, ClusterOption.CLUSTER_RECHECK_INTERVAL), 15 * 60_000L);
        if (intervalMs <= 0) intervalMs = 15 * 60_000L;
        long best = intervalMs;
        for (NodeState n : cib.status().nodes()) {
            for (Map.Entry<String, String> e : n.transientAttributes().entrySet()) {
                if (!e.getKey().startsWith("last-failure-")) continue;
                String rsc = e.getKey().substring("last-failure-".length()).replaceAll("#.*$", "");
                Optional<Long> timeout = failureTimeoutMs(cib, rsc);
                if (timeout.isEmpty()) continue;
                try {
                    long expiresMs = (Long.parseLong(e.getValue().trim()) + timeout.get() / 1000 + 1) * 1000;
                    long wait = expiresMs - now.toEpochMilli();
                    if (wait > 0) best = Math.min(best, wait);
                } catch (NumberFormatException ignored) {
                    // not a time: the interval stands
                }
            }
        }
        return Duration.ofMillis(best);
    }

    private static Optional<Long> failureTimeoutMs(Cib cib, String rsc) {
        Optional<Resource> r = cib.configuration().resource(rsc.replaceAll(":[0-9]+$", ""));
        String value = null;
        if (r.isPresent() && r.get() instanceof Primitive p) value = meta(p.meta());
        if (value == null) value = meta(cib.configuration().rscDefaults());
        if (value == null) return Optional.empty();
        long ms = TimeSpec.parseMillis(value, 0);
        return ms > 0 ? Optional.of(ms) : Optional.empty();
    }

    private static String meta(java.util.List<AttributeSet> sets) {
        return sets.stream().map(s -> s.values().get("failure-timeout")).filter(v -> v != null).findFirst().orElse(null);
    }
}
