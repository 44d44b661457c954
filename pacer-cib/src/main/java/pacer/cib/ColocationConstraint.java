package pacer.cib;

import java.util.List;
import java.util.Optional;

/**
 * {@code rsc_colocation}: place {@code resource} relative to {@code withResource}. A positive score
 * keeps them together, a negative one apart; ±INFINITY is mandatory. {@code influence} (default
 * from the dependent's {@code critical} meta-attribute) says whether the dependent's preferences
 * may move the primary.
 *
 * @param nodeAttribute the node attribute that defines "the same place" (default {@code #uname})
 */
public record ColocationConstraint(String id, Optional<String> resource, Optional<String> withResource,
                                   Optional<Role> resourceRole, Optional<Role> withResourceRole, int score,
                                   Optional<Boolean> influence, String nodeAttribute, List<ResourceSet> sets,
                                   int line) implements Constraint {
    public ColocationConstraint {
        sets = List.copyOf(sets);
    }

    @Override public Kind kind() { return Kind.COLOCATION; }
}
