package pacer.cib;

import java.util.List;
import java.util.Optional;

/**
 * The operation history of one resource on one node ({@code lrm_resource}), with the agent it was
 * run as (needed for orphans, whose configuration is gone).
 */
public record LrmResource(String id, String standard, Optional<String> provider, String type,
                          Optional<String> container, List<LrmOperation> operations, int line) {
    public LrmResource {
        operations = List.copyOf(operations);
    }

    public String agent() { return standard + provider.map(p -> ":" + p).orElse("") + ":" + type; }
}
