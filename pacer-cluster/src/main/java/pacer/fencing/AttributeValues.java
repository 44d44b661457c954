package pacer.fencing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.AttributeSet;
import pacer.cib.ClusterOption;

/**
 * Name/value pairs of attribute blocks as the fencer reads them: blocks in descending score order,
 * the first block to set a name wins. Blocks with a rule are skipped: Pacemaker advises against
 * rules on fencing resources ("might be evaluated only when first read"), and the fencer has no
 * "now" to evaluate them against.
 */
final class AttributeValues {
    private AttributeValues() {}

    static Map<String, String> of(List<AttributeSet> sets) {
        List<AttributeSet> sorted = new ArrayList<>(sets);
        sorted.sort(Comparator.comparingInt(AttributeSet::score).reversed());
        Map<String, String> out = new LinkedHashMap<>();
        for (AttributeSet s : sorted) {
            if (s.rule().isEmpty()) s.values().forEach(out::putIfAbsent);
        }
        return out;
    }

    /** The value of a cluster option under its name or one of its old aliases, if set. */
    static Optional<String> option(Map<String, String> values, ClusterOption option) {
        if (values.containsKey(option.optionName())) return Optional.of(values.get(option.optionName()));
        return option.aliases().stream().filter(values::containsKey).map(values::get).findFirst();
    }
}
