package pacer.cib;

import java.util.List;
import java.util.Optional;

/**
 * {@code rsc_order}: run {@code thenAction} of {@code then} after {@code firstAction} of
 * {@code first}.
 *
 * @param orderKind {@code Mandatory} (default), {@code Optional} or {@code Serialize}; a legacy
 *     {@code score} of 0 means Optional
 * @param symmetrical whether the reverse order applies to the reverse actions (default true,
 *     false for Serialize)
 */
public record OrderConstraint(String id, Optional<String> first, Optional<String> then,
                              String firstAction, String thenAction, String orderKind,
                              Optional<Boolean> symmetrical, Optional<Boolean> requireAll, List<ResourceSet> sets,
                              int line) implements Constraint {
    public OrderConstraint {
        sets = List.copyOf(sets);
    }

    @Override public Kind kind() { return Kind.ORDER; }
}
