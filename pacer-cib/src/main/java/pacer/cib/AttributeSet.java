package pacer.cib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import pacer.cib.xml.XmlElement;

/**
 * One {@code meta_attributes}, {@code instance_attributes}, {@code utilization} or
 * {@code cluster_property_set} block: name/value pairs, an optional rule that decides whether the
 * block applies, and a score that orders blocks (higher first; the first block to set a name wins).
 *
 * @param kind the element name, e.g. {@code meta_attributes}
 * @param rule the {@code rule} element, when the block is conditional
 * @param values the pairs in document order
 */
public record AttributeSet(String id, String kind, int score, Optional<XmlElement> rule,
                           Map<String, String> values, int line) {
    public AttributeSet {
        id = id == null ? "" : id;
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static AttributeSet of(String id, String kind, Map<String, String> values) {
        return new AttributeSet(id, kind, 0, Optional.empty(), values, 0);
    }
}
