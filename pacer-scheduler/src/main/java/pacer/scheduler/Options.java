package pacer.scheduler;

import java.util.HashMap;
import java.util.Map;
import pacer.cib.BooleanValue;
import pacer.cib.ClusterOption;
import pacer.cib.TimeSpec;

/** Cluster options resolved for one run: configured values over the table's defaults. */
final class Options {
    private final Map<ClusterOption, String> values = new HashMap<>();

    Options(Map<String, String> configured) {
        for (Map.Entry<String, String> e : configured.entrySet()) {
            ClusterOption.byName(e.getKey()).ifPresent(o -> {
                if (o.accepts(e.getValue())) values.putIfAbsent(o, e.getValue().trim());
            });
        }
    }

    String get(ClusterOption o) { return values.getOrDefault(o, o.defaultValue()); }

    boolean flag(ClusterOption o) { return BooleanValue.parse(get(o), BooleanValue.parse(o.defaultValue(), false)); }

    long millis(ClusterOption o) { return TimeSpec.parseMillis(get(o), 0); }

    boolean fencingEnabled() { return flag(ClusterOption.FENCING_ENABLED); }

    String noQuorumPolicy() {
        String p = get(ClusterOption.NO_QUORUM_POLICY);
        return p.equals("suicide") ? "fence" : p;
    }
}
