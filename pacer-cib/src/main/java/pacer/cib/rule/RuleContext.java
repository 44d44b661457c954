package pacer.cib.rule;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import pacer.cib.Role;

/**
 * What a rule is evaluated against.
 *
 * @param nodeAttributes the node's attributes, including the built-in {@code #uname}, {@code #id},
 *                       {@code #kind}, {@code #is_dc}, {@code #cluster-name}, {@code #site-name}
 *                       and {@code #role} where they apply; empty outside a node context
 * @param now the effective current time; {@code date_spec} reads its fields in this offset
 * @param localOffset the UTC offset for dates in the rule written with a time but no offset
 *                    (Pacemaker uses the host's current offset)
 * @param resource the resource's agent, for {@code rsc_expression}
 * @param operation the operation, for {@code op_expression}
 * @param resourceParams the resource's parameters, for {@code value-source="param"}
 * @param resourceMeta the resource's meta-attributes, for {@code value-source="meta"}
 * @param role the role being evaluated, if any (carried for callers; no expression reads it)
 * @param submatches submatches of the location constraint's {@code rsc-pattern} against the
 *                   resource id, index 0 being the whole match; {@code %N} in an expression's
 *                   {@code attribute} is replaced by submatch N (or removed when there is none)
 */
public record RuleContext(Map<String, String> nodeAttributes, OffsetDateTime now, ZoneOffset localOffset,
                          Optional<Agent> resource, Optional<Operation> operation,
                          Map<String, String> resourceParams, Map<String, String> resourceMeta,
                          Optional<Role> role, List<String> submatches) {
    public RuleContext {
        nodeAttributes = Map.copyOf(nodeAttributes);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(localOffset, "localOffset");
        resourceParams = Map.copyOf(resourceParams);
        resourceMeta = Map.copyOf(resourceMeta);
        submatches = List.copyOf(submatches);
    }

    /** A resource agent: standard ({@code class}), optional provider, and type. */
    public record Agent(String standard, Optional<String> provider, String type) {
        public static Agent of(String standard, String provider, String type) {
            return new Agent(standard, Optional.ofNullable(provider), type);
        }
    }

    /** An operation: name and interval in milliseconds. */
    public record Operation(String name, long intervalMs) {}

    /** A context with only a time; {@code localOffset} is {@code now}'s offset. */
    public static RuleContext at(OffsetDateTime now) {
        return new RuleContext(Map.of(), now, now.getOffset(), Optional.empty(), Optional.empty(), Map.of(),
                Map.of(), Optional.empty(), List.of());
    }

    /** A context for a node; {@code localOffset} is {@code now}'s offset. */
    public static RuleContext forNode(Map<String, String> nodeAttributes, OffsetDateTime now) {
        return at(now).withNodeAttributes(nodeAttributes);
    }

    public RuleContext withNodeAttributes(Map<String, String> attrs) {
        return new RuleContext(attrs, now, localOffset, resource, operation, resourceParams, resourceMeta, role,
                submatches);
    }

    public RuleContext withLocalOffset(ZoneOffset offset) {
        return new RuleContext(nodeAttributes, now, offset, resource, operation, resourceParams, resourceMeta,
                role, submatches);
    }

    public RuleContext withResource(String standard, String provider, String type) {
        return new RuleContext(nodeAttributes, now, localOffset, Optional.of(Agent.of(standard, provider, type)),
                operation, resourceParams, resourceMeta, role, submatches);
    }

    public RuleContext withOperation(String name, long intervalMs) {
        return new RuleContext(nodeAttributes, now, localOffset, resource,
                Optional.of(new Operation(name, intervalMs)), resourceParams, resourceMeta, role, submatches);
    }

    public RuleContext withResourceParams(Map<String, String> params) {
        return new RuleContext(nodeAttributes, now, localOffset, resource, operation, params, resourceMeta, role,
                submatches);
    }

    public RuleContext withResourceMeta(Map<String, String> meta) {
        return new RuleContext(nodeAttributes, now, localOffset, resource, operation, resourceParams, meta, role,
                submatches);
    }

    public RuleContext withRole(Role r) {
        return new RuleContext(nodeAttributes, now, localOffset, resource, operation, resourceParams, resourceMeta,
                Optional.of(r), submatches);
    }

    public RuleContext withSubmatches(List<String> groups) {
        return new RuleContext(nodeAttributes, now, localOffset, resource, operation, resourceParams, resourceMeta,
                role, groups);
    }
}
