package pacer.cib;

import java.util.List;

/**
 * A configured node ({@code nodes/node}): its id, name, type and its permanent attributes
 * ({@code standby}, {@code maintenance}, site attributes) and utilization.
 *
 * @param type {@code member} (default), {@code remote} or {@code ping}
 */
public record Node(String id, String uname, String type, int score, List<AttributeSet> attributes,
                   List<AttributeSet> utilization, int line) {
    public Node {
        attributes = List.copyOf(attributes);
        utilization = List.copyOf(utilization);
    }
}
