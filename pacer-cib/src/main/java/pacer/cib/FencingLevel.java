package pacer.cib;

import java.util.List;

/**
 * One {@code fencing-level} of the fencing topology: for the target (a node name, a pattern, or a
 * node attribute), the devices tried together at this index; lower indexes are tried first.
 */
public record FencingLevel(String id, String target, String targetPattern, String targetAttribute,
                           String targetValue, int index, List<String> devices, int line) {
    public FencingLevel {
        devices = List.copyOf(devices);
    }
}
