package pacer.fencing;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import pacer.agents.AgentSpec;
import pacer.cib.Configuration;
import pacer.cib.Primitive;
import pacer.cib.Resource;
import pacer.cib.TimeSpec;

/**
 * A fence device as the fencer uses it: a {@code stonith} primitive's agent and instance
 * attributes, with Pacemaker's own {@code pcmk_*} attributes read on demand (they stay in
 * {@link #params()}; the agents module filters them out of the agent's stdin).
 *
 * @param params the resolved instance attributes (blocks with rules are ignored, see
 *     {@link AttributeValues})
 * @param enabled false when the device's {@code target-role} is {@code Stopped}: Pacemaker then
 *     lets no node use it
 */
record FenceDevice(String id, AgentSpec agent, Map<String, String> params, boolean enabled) {
    /** Pacemaker's default for {@code pcmk_<action>_retries}. */
    static final int DEFAULT_RETRIES = 2;
    /** Pacemaker's default {@code pcmk_host_argument} when the agent's meta-data is not consulted. */
    static final String DEFAULT_HOST_ARGUMENT = "port";

    /** How the fencer learns which targets a device can fence ({@code pcmk_host_check}). */
    enum HostCheck {
        /** {@code pcmk_host_list} / {@code pcmk_host_map} name the targets. */
        STATIC_LIST,
        /** The agent's {@code list} action names them. */
        DYNAMIC_LIST,
        /** The agent's {@code status} action, run for the target, answers on or off. */
        STATUS,
        /** Any target. */
        NONE,
        /** Not configured: static list if one is given, else the list action, else status, else any. */
        DEFAULT
    }

    FenceDevice {
        params = Map.copyOf(params);
    }

    /** The device of a {@code stonith} primitive; empty for other primitives and unknown agents. */
    static Optional<FenceDevice> of(Primitive p) {
        if (!p.isFencingDevice()) return Optional.empty();
        AgentSpec spec;
        try {
            spec = AgentSpec.of(p);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String role = AttributeValues.of(p.meta()).getOrDefault("target-role", "Started");
        return Optional.of(new FenceDevice(p.id(), spec, AttributeValues.of(p.instance()),
                !role.equalsIgnoreCase("Stopped")));
    }

    /** Every fence device of the configuration by id, in configuration order. */
    static Map<String, FenceDevice> all(Configuration config) {
        Map<String, FenceDevice> out = new LinkedHashMap<>();
        for (Resource r : config.allResources()) {
            if (r instanceof Primitive p) of(p).ifPresent(d -> out.put(d.id(), d));
        }
        return out;
    }

    /** {@code pcmk_host_list}: names separated by spaces, commas or semicolons. */
    List<String> hostList() {
        String list = params.getOrDefault("pcmk_host_list", "").trim();
        return list.isEmpty() ? List.of() : Arrays.asList(list.split("[\\s,;]+"));
    }

    /** {@code pcmk_host_map}: {@code node1:1;node2:2,3}, see {@link HostMap}. */
    Map<String, String> hostMap() { return HostMap.parse(params.getOrDefault("pcmk_host_map", "")); }

    HostCheck hostCheck() {
        return switch (params.getOrDefault("pcmk_host_check", "").trim().toLowerCase(Locale.ROOT)) {
            case "static-list" -> HostCheck.STATIC_LIST;
            case "dynamic-list" -> HostCheck.DYNAMIC_LIST;
            case "status" -> HostCheck.STATUS;
            case "none" -> HostCheck.NONE;
            default -> HostCheck.DEFAULT;
        };
    }

    /** Whether {@code pcmk_host_list} or {@code pcmk_host_map} is set. */
    boolean hasStaticList() { return !hostList().isEmpty() || !hostMap().isEmpty(); }

    /** Whether the static list or map names {@code target}. */
    boolean listsStatically(String target) { return hostList().contains(target) || hostMap().containsKey(target); }

    /** What the agent calls {@code target}: its {@code pcmk_host_map} entry, else its name. */
    String plugFor(String target) { return hostMap().getOrDefault(target, target); }

    /**
     * The parameters for an action on {@code target}: the device's, plus {@code nodename} and the
     * host argument ({@code pcmk_host_argument}, default {@code port}; {@code none} adds nothing)
     * with the target's plug, unless the device already sets that parameter itself.
     */
    Map<String, String> paramsFor(String target) {
        Map<String, String> out = new LinkedHashMap<>(params);
        out.put("nodename", target);
        String hostArgument = params.getOrDefault("pcmk_host_argument", DEFAULT_HOST_ARGUMENT).trim();
        if (!hostArgument.isEmpty() && !hostArgument.equalsIgnoreCase("none")) {
            out.putIfAbsent(hostArgument, plugFor(target));
        }
        return out;
    }

    /** {@code pcmk_<action>_timeout}, else the cluster's fencing timeout. */
    Duration timeout(String action, Duration fencingTimeout) {
        long ms = TimeSpec.parseMillis(params.get("pcmk_" + action + "_timeout")).orElse(-1);
        return ms > 0 ? Duration.ofMillis(ms) : fencingTimeout;
    }

    /** {@code pcmk_<action>_retries}: how many times a failed attempt is repeated (default 2). */
    int retries(String action) {
        String v = params.get("pcmk_" + action + "_retries");
        if (v == null) return DEFAULT_RETRIES;
        try {
            return Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRIES;
        }
    }

    /**
     * The delay before fencing {@code target}: {@code pcmk_delay_base} (a duration, or a map
     * {@code node1:0s;node2:5s}) plus a random part that keeps the sum at most
     * {@code pcmk_delay_max}.
     */
    Duration delay(String target, RandomGenerator random) {
        String baseText = params.getOrDefault("pcmk_delay_base", "0");
        if (baseText.contains(":") || baseText.contains("=")) {
            baseText = HostMap.parse(baseText).getOrDefault(target, "0");
        }
        long base = Math.max(0, TimeSpec.parseMillis(baseText, 0));
        long max = Math.max(0, TimeSpec.parseMillis(params.getOrDefault("pcmk_delay_max", "0"), 0));
        long ms = max > base ? base + random.nextLong(max - base + 1) : base;
        return Duration.ofMillis(ms);
    }

    @Override public String toString() { return id + " (" + agent + ")"; }
}
