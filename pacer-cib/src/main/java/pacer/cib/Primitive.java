package pacer.cib;

import java.util.List;
import java.util.Optional;

/**
 * A primitive resource: one agent ({@code standard:provider:type}) with its parameters,
 * meta-attributes, utilization and operations. Where it names a {@code template}, the parser has
 * already merged the template's definition in.
 */
public record Primitive(String id, String standard, Optional<String> provider, String type,
                        Optional<String> template, List<AttributeSet> meta, List<AttributeSet> instance,
                        List<AttributeSet> utilization, List<Operation> operations, int line) implements Resource {
    public Primitive {
        meta = List.copyOf(meta);
        instance = List.copyOf(instance);
        utilization = List.copyOf(utilization);
        operations = List.copyOf(operations);
    }

    @Override public Kind kind() { return Kind.PRIMITIVE; }

    @Override public List<Resource> children() { return List.of(); }

    /** {@code ocf:heartbeat:IPaddr2}, as status lines print the agent. */
    public String agent() {
        return standard + provider.map(p -> ":" + p).orElse("") + ":" + type;
    }

    public boolean isFencingDevice() { return "stonith".equals(standard); }
}
