package pacer.cib;

import java.util.List;
import java.util.Optional;

/**
 * {@code rsc_ticket}: a resource may run only while the cluster holds the ticket.
 *
 * @param lossPolicy {@code stop} (default), {@code demote}, {@code fence} or {@code freeze}
 */
public record TicketConstraint(String id, String ticket, Optional<String> resource, Optional<Role> resourceRole,
                               String lossPolicy, List<ResourceSet> sets, int line) implements Constraint {
    public TicketConstraint {
        sets = List.copyOf(sets);
    }

    @Override public Kind kind() { return Kind.TICKET; }
}
