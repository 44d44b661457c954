package pacer.cib;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import pacer.cib.report.Reports;

/**
 * Reports constraints that name resources or tags that do not exist. Such a constraint is kept
 * (Pacemaker ignores it at scheduling time); the report tells the administrator to fix it.
 */
final class ReferenceCheck {
    private final Reports reports;

    ReferenceCheck(Reports reports) { this.reports = reports; }

    void check(Configuration config) {
        Set<String> known = new HashSet<>();
        config.allResources().forEach(r -> known.add(r.id()));
        config.tags().forEach(t -> known.add(t.id()));
        config.allResources().forEach(r -> {
            if (r instanceof Primitive p) p.template().ifPresent(known::add);
        });
        for (Constraint c : config.constraints()) {
            references(c).forEach(ref -> {
                if (!known.contains(ref)) {
                    reports.error("dangling-reference", c.id(), c.line(), "the constraint names resource '" + ref
                            + "', which does not exist; create it or remove the constraint");
                }
            });
        }
    }

    private static Stream<String> references(Constraint c) {
        return switch (c.kind()) {
            case LOCATION -> {
                LocationConstraint l = (LocationConstraint) c;
                yield Stream.concat(l.resource().stream(), l.sets().stream().flatMap(s -> s.resources().stream()));
            }
            case COLOCATION -> {
                ColocationConstraint l = (ColocationConstraint) c;
                yield Stream.concat(Stream.of(l.resource(), l.withResource()).flatMap(Optional::stream),
                        l.sets().stream().flatMap(s -> s.resources().stream()));
            }
            case ORDER -> {
                OrderConstraint o = (OrderConstraint) c;
                yield Stream.concat(Stream.of(o.first(), o.then()).flatMap(Optional::stream),
                        o.sets().stream().flatMap(s -> s.resources().stream()));
            }
            case TICKET -> {
                TicketConstraint t = (TicketConstraint) c;
                yield Stream.concat(t.resource().stream(), t.sets().stream().flatMap(s -> s.resources().stream()));
            }
        };
    }
}
