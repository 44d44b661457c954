package pacer.cib.edit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pcs resource create ID AGENT [k=v...] [op NAME k=v...]... [meta k=v...]
 * [clone [CLONE_ID] [k=v...] | promotable [CLONE_ID] [k=v...] | --group G [--before|--after R]]
 * [--disabled] [--no-default-ops]}, as data.
 *
 * @param agent as typed: {@code ocf:heartbeat:IPaddr2} or just {@code IPaddr2}
 * @param cloneMeta meta attributes for the clone element
 */
public record CreateRequest(String id, String agent, Map<String, String> instance, List<OperationSpec> operations,
                            Map<String, String> meta, Optional<String> group, Optional<String> before,
                            Optional<String> after, CloneKind cloneKind, Optional<String> cloneId,
                            Map<String, String> cloneMeta, boolean disabled, boolean noDefaultOps) {
    /** Whether and how the new resource is cloned. */
    public enum CloneKind { NONE, CLONE, PROMOTABLE }

    public CreateRequest {
        instance = ordered(instance);
        operations = List.copyOf(operations);
        meta = ordered(meta);
        cloneMeta = ordered(cloneMeta);
    }

    private static Map<String, String> ordered(Map<String, String> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** A plain primitive with parameters and operations. */
    public static CreateRequest of(String id, String agent, Map<String, String> instance, List<OperationSpec> ops) {
        return new CreateRequest(id, agent, instance, ops, Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), CloneKind.NONE, Optional.empty(), Map.of(), false, false);
    }

    public CreateRequest withMeta(Map<String, String> newMeta) {
        return new CreateRequest(id, agent, instance, operations, newMeta, group, before, after, cloneKind, cloneId,
                cloneMeta, disabled, noDefaultOps);
    }

    public CreateRequest inGroup(String groupId, Optional<String> beforeId, Optional<String> afterId) {
        return new CreateRequest(id, agent, instance, operations, meta, Optional.of(groupId), beforeId, afterId, cloneKind,
                cloneId, cloneMeta, disabled, noDefaultOps);
    }

    public CreateRequest asClone(CloneKind kind, Optional<String> newCloneId, Map<String, String> newCloneMeta) {
        return new CreateRequest(id, agent, instance, operations, meta, group, before, after, kind, newCloneId,
                newCloneMeta, disabled, noDefaultOps);
    }

    public CreateRequest withDisabled(boolean value) {
        return new CreateRequest(id, agent, instance, operations, meta, group, before, after, cloneKind, cloneId,
                cloneMeta, value, noDefaultOps);
    }

    public CreateRequest withNoDefaultOps(boolean value) {
        return new CreateRequest(id, agent, instance, operations, meta, group, before, after, cloneKind, cloneId,
                cloneMeta, disabled, value);
    }
}
