package pacer.cib;

import java.util.List;
import java.util.Optional;

/** The CIB's status section: one {@link NodeState} per node that has one, plus cluster tickets. */
public record Status(List<NodeState> nodes, List<AttributeSet> tickets) {
    public static final Status EMPTY = new Status(List.of(), List.of());

    public Status {
        nodes = List.copyOf(nodes);
        tickets = List.copyOf(tickets);
    }

    public Optional<NodeState> node(String idOrUname) {
        return nodes.stream().filter(n -> n.id().equals(idOrUname) || n.uname().equals(idOrUname)).findFirst();
    }
}
