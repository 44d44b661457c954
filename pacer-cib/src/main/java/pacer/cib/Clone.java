package pacer.cib;

import java.util.List;

/**
 * A clone of a primitive or a group; promotable when written as {@code <master>} (old dialect)
 * or with meta-attribute {@code promotable=true}.
 */
public record Clone(String id, boolean promotable, List<AttributeSet> meta, List<AttributeSet> instance,
                    Resource child, int line) implements Resource {
    public Clone {
        meta = List.copyOf(meta);
        instance = List.copyOf(instance);
    }

    @Override public Kind kind() { return Kind.CLONE; }

    @Override public List<Resource> children() { return List.of(child); }
}
