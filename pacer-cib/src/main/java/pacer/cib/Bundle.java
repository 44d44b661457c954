package pacer.cib;

import java.util.List;
import java.util.Optional;
import pacer.cib.xml.XmlElement;

/**
 * A bundle: a container image run as replicas, optionally with a primitive inside. The container
 * and network details are kept as XML ({@link #definition}) until the scheduler supports bundles.
 */
public record Bundle(String id, List<AttributeSet> meta, Optional<Primitive> primitive,
                     XmlElement definition, int line) implements Resource {
    public Bundle {
        meta = List.copyOf(meta);
    }

    @Override public Kind kind() { return Kind.BUNDLE; }

    @Override public List<AttributeSet> instance() { return List.of(); }

    @Override public List<Resource> children() { return primitive.<List<Resource>>map(List::of).orElse(List.of()); }
}
