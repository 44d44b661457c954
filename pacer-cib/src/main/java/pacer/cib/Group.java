package pacer.cib;

import java.util.List;

/** A group: primitives that run together on one node, started in order and stopped in reverse. */
public record Group(String id, List<AttributeSet> meta, List<AttributeSet> instance,
                    List<Primitive> members, int line) implements Resource {
    public Group {
        meta = List.copyOf(meta);
        instance = List.copyOf(instance);
        members = List.copyOf(members);
    }

    @Override public Kind kind() { return Kind.GROUP; }

    @Override public List<Resource> children() { return List.copyOf(members); }
}
