package pacer.cib.edit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One operation as the user wrote it: {@code op monitor interval=20s timeout=30s} is the name
 * {@code monitor} and its options in the order given.
 */
public record OperationSpec(String name, Map<String, String> options) {
    public OperationSpec {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public static OperationSpec of(String name, String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) map.put(keyValues[i], keyValues[i + 1]);
        return new OperationSpec(name, map);
    }

    public Optional<String> option(String key) { return Optional.ofNullable(options.get(key)); }
}
