package pacer.cib;

import java.util.List;

/** A {@code tag}: a name for a list of resources (or other tags), usable in constraints. */
public record Tag(String id, List<String> references, int line) {
    public Tag {
        references = List.copyOf(references);
    }
}
