package pacer.cib;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code op} of a resource: its name ({@code monitor}, {@code start}, ...), interval, role,
 * and the other attributes ({@code timeout}, {@code on-fail}, {@code start-delay},
 * {@code enabled}, ...) as written.
 *
 * @param intervalMs the interval in milliseconds; 0 for one-shot operations
 * @param attributes every attribute of the {@code op} element, in document order
 * @param meta the op's {@code meta_attributes} blocks
 * @param instance the op's {@code instance_attributes} blocks (extra agent parameters)
 */
public record Operation(String id, String name, long intervalMs, Optional<Role> role,
                        Map<String, String> attributes, List<AttributeSet> meta,
                        List<AttributeSet> instance, int line) {
    public Operation {
        attributes = Map.copyOf(attributes);
        meta = List.copyOf(meta);
        instance = List.copyOf(instance);
    }

    public Optional<String> attribute(String name) { return Optional.ofNullable(attributes.get(name)); }

    /** {@code enabled="false"} disables a recurring operation. */
    public boolean enabled() {
        String e = attributes.get("enabled");
        return e == null || BooleanValue.parse(e, true);
    }

    /** Pacemaker's operation key, {@code RSC_NAME_INTERVAL}. */
    public String key(String resourceId) { return resourceId + "_" + name + "_" + intervalMs; }
}
