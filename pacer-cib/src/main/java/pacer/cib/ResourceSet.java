package pacer.cib;

import java.util.List;
import java.util.Optional;

/**
 * A {@code resource_set} inside a constraint: resources in order, and how they relate among
 * themselves ({@code sequential}) and to the other sets ({@code require-all}).
 *
 * @param role for colocation and location sets, the role the members must have
 * @param action for order sets, the action ordered (start, stop, promote, demote)
 * @param score an optional per-set score (colocation)
 * @param orderKind an optional per-set order kind (Mandatory, Optional, Serialize)
 */
public record ResourceSet(String id, List<String> resources, boolean sequential, boolean requireAll,
                          Optional<Role> role, Optional<String> action, Optional<Integer> score,
                          Optional<String> orderKind, int line) {
    public ResourceSet {
        resources = List.copyOf(resources);
    }
}
