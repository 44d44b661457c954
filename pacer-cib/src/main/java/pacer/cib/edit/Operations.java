package pacer.cib.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pacer.cib.TimeSpec;
import pacer.cib.xml.XmlElement;

/**
 * Operations as pcs writes them: the user's {@code op} definitions checked, completed with the
 * agent's default operations (every action but meta-data, status and validate-all; only monitor
 * for fencing agents; always a monitor), intervals defaulted (monitor 60s, others 0s), sorted by
 * name, and given ids {@code RSC-NAME-interval-INTERVAL}.
 */
final class Operations {
    static final List<String> ATTRIBUTES = List.of("id", "description", "enabled", "interval", "interval-origin",
            "name", "on-fail", "record-pending", "requires", "role", "start-delay", "timeout", "OCF_CHECK_LEVEL");
    static final List<String> ROLES = List.of("Stopped", "Started", "Promoted", "Unpromoted", "Slave", "Master");
    static final List<String> ON_FAIL = List.of("block", "demote", "fence", "ignore", "restart", "restart-container",
            "standby", "stop");
    private static final Set<String> NOT_DEFAULT = Set.of("meta-data", "status", "validate-all");
    private static final String CHECK_LEVEL = "OCF_CHECK_LEVEL";

    private Operations() {}

    static String defaultInterval(String name) { return name.equals("monitor") ? "60s" : "0s"; }

    /** Checks the user's operations against the allowed option names, values and the agent's actions. */
    static void validate(List<OperationSpec> ops, List<String> agentActions, XmlElement root, Problems problems) {
        Map<String, Set<Long>> intervals = new HashMap<>();
        for (OperationSpec op : ops) {
            if (!agentActions.isEmpty() && !agentActions.contains(op.name())) {
                problems.forceable("invalid-operation", op.name(), "'" + op.name() + "' is not an operation of this agent"
                        + Suggest.didYouMean(op.name(), agentActions) + optionsList(" (its operations: ", agentActions));
            }
            op.options().forEach((k, v) -> validateOption(op, k, v, root, problems));
            long interval = TimeSpec.parseMillis(op.option("interval").orElse(defaultInterval(op.name())), -1);
            if (interval >= 0 && !intervals.computeIfAbsent(op.name(), n -> new HashSet<>()).add(interval)) {
                problems.error("duplicate-interval", op.name(), "operation '" + op.name() + "' is defined twice with the "
                        + "same interval " + op.option("interval").orElse(defaultInterval(op.name()))
                        + "; give each a different interval");
            }
        }
    }

    private static String optionsList(String prefix, List<String> names) {
        return names.isEmpty() ? "" : prefix + String.join(", ", names) + ")";
    }

    private static void validateOption(OperationSpec op, String key, String value, XmlElement root, Problems problems) {
        String where = "operation '" + op.name() + "'";
        if (!ATTRIBUTES.contains(key)) {
            problems.error("invalid-option", key, "invalid option '" + key + "' of " + where
                    + Suggest.didYouMean(key, ATTRIBUTES));
        } else if ((key.equals("interval") || key.equals("timeout")) && TimeSpec.parseMillis(value).isEmpty()) {
            problems.error("invalid-value", key, "'" + value + "' is not a valid " + key + " value of " + where
                    + ", use a time interval such as 20s, 5min or PT1M");
        } else if (key.equals("role") && ROLES.stream().noneMatch(r -> r.equalsIgnoreCase(value))) {
            problems.error("invalid-value", key, "'" + value + "' is not a valid role, use " + String.join(", ", ROLES));
        } else if (key.equals("on-fail") && !ON_FAIL.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            problems.error("invalid-value", key, "'" + value + "' is not a valid on-fail value, use "
                    + String.join(", ", ON_FAIL));
        } else if (key.equals("id")) {
            Ids.invalidReason(value, "operation id").ifPresent(r -> problems.error("invalid-id", value, r));
            if (CibTree.byId(root, value).isPresent()) {
                problems.error("id-exists", value, "id '" + value + "' is already in use, please specify another one");
            }
        }
    }

    /** The user's operations (intervals defaulted) plus the agent's defaults for the other actions. */
    static List<OperationSpec> complete(List<OperationSpec> user, AgentMetadata agent, boolean necessaryOnly) {
        List<OperationSpec> out = new ArrayList<>();
        for (OperationSpec op : user) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("interval", defaultInterval(op.name()));
            op.options().forEach((k, v) -> o.put(k, k.equals("role") ? capitalize(v) : v));
            out.add(new OperationSpec(op.name(), o));
        }
        Set<String> named = new HashSet<>();
        user.forEach(op -> named.add(op.name()));
        Map<String, Set<Long>> used = new HashMap<>();
        for (OperationSpec d : defaults(agent, necessaryOnly)) {
            if (named.contains(d.name())) continue;
            out.add(uniqueInterval(d, used.computeIfAbsent(d.name(), n -> new HashSet<>())));
        }
        return out;
    }

    private static List<OperationSpec> defaults(AgentMetadata agent, boolean necessaryOnly) {
        List<OperationSpec> out = new ArrayList<>();
        for (AgentMetadata.Action a : agent.actions()) {
            boolean wanted = necessaryOnly || agent.name().isStonith() ? a.name().equals("monitor")
                    : !NOT_DEFAULT.contains(a.name());
            if (!wanted) continue;
            Map<String, String> o = new LinkedHashMap<>();
            o.put("interval", a.interval().orElse(defaultInterval(a.name())));
            a.timeout().ifPresent(t -> o.put("timeout", t));
            a.role().ifPresent(r -> o.put("role", r));
            a.startDelay().ifPresent(s -> o.put("start-delay", s));
            a.depth().filter(d -> !d.equals("0")).ifPresent(d -> o.put(CHECK_LEVEL, d));
            out.add(new OperationSpec(a.name(), o));
        }
        if (out.stream().noneMatch(o -> o.name().equals("monitor"))) out.add(OperationSpec.of("monitor", "interval", "60s"));
        return out;
    }

    /** A default whose interval is taken by a same-named one moves up a second at a time, as pcs does. */
    private static OperationSpec uniqueInterval(OperationSpec op, Set<Long> used) {
        String interval = op.options().get("interval");
        long ms = TimeSpec.parseMillis(interval, -1);
        if (ms < 0) return op;
        long seconds = ms / 1000;
        if (used.add(seconds)) return op;
        while (!used.add(seconds)) seconds++;
        Map<String, String> o = new LinkedHashMap<>(op.options());
        o.put("interval", Long.toString(seconds));
        return new OperationSpec(op.name(), o);
    }

    private static String capitalize(String v) {
        return v.isEmpty() ? v : v.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + v.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The {@code operations} element for a resource, ops sorted by name. */
    static XmlElement element(String resourceId, List<OperationSpec> ops, Ids ids) {
        List<OperationSpec> sorted = new ArrayList<>(ops);
        sorted.sort(Comparator.comparing(OperationSpec::name));
        List<XmlElement> children = new ArrayList<>();
        for (OperationSpec op : sorted) children.add(op(resourceId, op, ids));
        return XmlElement.of("operations", Map.of(), children);
    }

    /** One {@code op}: its id given or {@code RSC-NAME-interval-INTERVAL}; OCF_CHECK_LEVEL as a nested pair. */
    static XmlElement op(String resourceId, OperationSpec op, Ids ids) {
        String interval = op.option("interval").orElse(defaultInterval(op.name()));
        String id = op.option("id").orElse(null);
        if (id != null) ids.book(id);
        else id = ids.allocateUnder(resourceId, op.name() + "-interval-" + interval);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("id", id);
        attrs.put("name", op.name());
        attrs.put("interval", interval);
        op.options().forEach((k, v) -> { if (!k.equals(CHECK_LEVEL) && !k.equals("id")) attrs.put(k, v); });
        XmlElement element = XmlElement.of("op", attrs, List.of());
        if (op.option(CHECK_LEVEL).isPresent()) {
            element = element.withChildren(List.of(NvSets.build(NvSets.INSTANCE, id,
                    Map.of(CHECK_LEVEL, op.option(CHECK_LEVEL).get()), ids)));
        }
        return element;
    }
}
