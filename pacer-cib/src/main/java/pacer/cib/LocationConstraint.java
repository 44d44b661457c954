package pacer.cib;

import java.util.List;
import java.util.Optional;
import pacer.cib.xml.XmlElement;

/**
 * {@code rsc_location}: prefer or avoid nodes. Either a fixed {@code node} and {@code score}, or
 * {@code rule}s (each with its own score or score-attribute). The resources are named by
 * {@code rsc}, by a regular expression {@code rsc-pattern}, or by resource sets.
 *
 * @param resourceDiscovery {@code always} (default), {@code never} or {@code exclusive}
 */
public record LocationConstraint(String id, Optional<String> resource, Optional<String> resourcePattern,
                                 List<ResourceSet> sets, Optional<String> node, Optional<Integer> score,
                                 List<XmlElement> rules, Optional<Role> role, String resourceDiscovery,
                                 int line) implements Constraint {
    public LocationConstraint {
        sets = List.copyOf(sets);
        rules = List.copyOf(rules);
    }

    @Override public Kind kind() { return Kind.LOCATION; }
}
