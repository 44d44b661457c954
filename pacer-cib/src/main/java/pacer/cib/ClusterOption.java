package pacer.cib;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The cluster options ({@code crm_config}) Pacer understands, as one declarative table: name,
 * older aliases, type, default, validator and description. Defaults are Pacemaker's.
 */
public enum ClusterOption {
    FENCING_ENABLED("fencing-enabled", List.of("stonith-enabled"), Type.BOOLEAN, "true",
            "Whether nodes that fail are fenced (powered off or rebooted) before their resources are recovered elsewhere"),
    FENCING_ACTION("fencing-action", List.of("stonith-action"), Type.ENUM, "reboot",
            "What fencing does to a node: reboot or off", "reboot", "off", "poweroff"),
    FENCING_TIMEOUT("fencing-timeout", List.of("stonith-timeout"), Type.DURATION, "60s",
            "How long to wait for a fencing action to complete"),
    STARTUP_FENCING("startup-fencing", List.of(), Type.BOOLEAN, "true",
            "Whether nodes never seen by the cluster are fenced, since their state is unknown"),
    CONCURRENT_FENCING("concurrent-fencing", List.of(), Type.BOOLEAN, "true",
            "Whether several fencing actions may run at once"),
    PRIORITY_FENCING_DELAY("priority-fencing-delay", List.of(), Type.DURATION, "0",
            "Delay fencing of the node running the higher-priority resources, in a two-node split"),
    NO_QUORUM_POLICY("no-quorum-policy", List.of(), Type.ENUM, "stop",
            "What a partition without quorum does: stop, freeze, ignore, demote or fence (suicide)",
            "stop", "freeze", "ignore", "demote", "suicide", "fence"),
    SYMMETRIC_CLUSTER("symmetric-cluster", List.of(), Type.BOOLEAN, "true",
            "Whether resources may run on any node by default (false: only where a location constraint allows)"),
    MAINTENANCE_MODE("maintenance-mode", List.of(), Type.BOOLEAN, "false",
            "Whether the whole cluster is in maintenance: nothing is started, stopped or monitored"),
    STOP_ALL_RESOURCES("stop-all-resources", List.of(), Type.BOOLEAN, "false",
            "Whether every resource should be stopped"),
    STOP_ORPHAN_RESOURCES("stop-orphan-resources", List.of("stop-removed-resources"), Type.BOOLEAN, "true",
            "Whether resources that are no longer configured are stopped"),
    STOP_ORPHAN_ACTIONS("stop-orphan-actions", List.of("stop-removed-actions"), Type.BOOLEAN, "true",
            "Whether recurring operations that are no longer configured are cancelled"),
    START_FAILURE_IS_FATAL("start-failure-is-fatal", List.of(), Type.BOOLEAN, "true",
            "Whether a failed start bans the resource from that node at once"),
    PLACEMENT_STRATEGY("placement-strategy", List.of(), Type.ENUM, "default",
            "How utilization is used: default, utilization, minimal or balanced",
            "default", "utilization", "minimal", "balanced"),
    CLUSTER_RECHECK_INTERVAL("cluster-recheck-interval", List.of(), Type.DURATION, "15min",
            "How often the scheduler runs even without events (time-based rules, failure-timeout)"),
    BATCH_LIMIT("batch-limit", List.of(), Type.INTEGER, "0",
            "How many actions the cluster may run at once (0: automatic)"),
    MIGRATION_LIMIT("migration-limit", List.of(), Type.INTEGER, "-1",
            "How many live migrations may run at once on a node (-1: unlimited)"),
    SHUTDOWN_LOCK("shutdown-lock", List.of(), Type.BOOLEAN, "false",
            "Whether resources of a cleanly shut down node stay locked to it"),
    NODE_HEALTH_STRATEGY("node-health-strategy", List.of(), Type.ENUM, "none",
            "How node health attributes affect placement",
            "none", "migrate-on-red", "only-green", "progressive", "custom"),
    CLUSTER_NAME("cluster-name", List.of(), Type.STRING, "",
            "The cluster's name");

    /** Value types, each with its validator. */
    public enum Type {
        BOOLEAN(BooleanValue::isValid), DURATION(v -> TimeSpec.parseMillis(v).isPresent()),
        INTEGER(v -> v.trim().matches("[+-]?[0-9]+")), ENUM(v -> true), STRING(v -> true);

        private final Predicate<String> validator;
        Type(Predicate<String> validator) { this.validator = validator; }
    }

    private final String optionName;
    private final List<String> aliases;
    private final Type type;
    private final String defaultValue;
    private final String description;
    private final List<String> allowed;

    ClusterOption(String name, List<String> aliases, Type type, String defaultValue, String description, String... allowed) {
        this.optionName = name;
        this.aliases = aliases;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.allowed = List.of(allowed);
    }

    public String optionName() { return optionName; }
    public List<String> aliases() { return aliases; }
    public Type type() { return type; }
    public String defaultValue() { return defaultValue; }
    public String description() { return description; }
    public List<String> allowedValues() { return allowed; }

    /** Whether {@code value} is acceptable for this option. */
    public boolean accepts(String value) {
        if (value == null) return false;
        if (type == Type.ENUM) return allowed.contains(value.trim().toLowerCase(Locale.ROOT));
        return type.validator.test(value);
    }

    /** The option called {@code name} or one of its aliases. */
    public static Optional<ClusterOption> byName(String name) {
        return Arrays.stream(values()).filter(o -> o.optionName.equals(name) || o.aliases.contains(name)).findFirst();
    }
}
