package pacer.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.AttributeSet;
import pacer.cib.Primitive;

/**
 * Resolves attribute blocks into one map, as Pacemaker does: blocks whose rule passes, in order of
 * descending score (document order for equal scores); the first block to set a name wins.
 */
final class AttributeResolver {
    private final RuleMatcher rules;

    AttributeResolver(RuleMatcher rules) { this.rules = rules; }

    /**
     * @param nodeAttributes the node attributes rules see (may be empty)
     * @param resource the primitive that rsc_expressions test, or null
     */
    Map<String, String> resolve(List<AttributeSet> sets, Map<String, String> nodeAttributes, Primitive resource) {
        List<AttributeSet> sorted = new ArrayList<>(sets);
        sorted.sort(Comparator.comparingInt(AttributeSet::score).reversed());
        Map<String, String> out = new LinkedHashMap<>();
        for (AttributeSet s : sorted) {
            if (s.rule().isPresent() && !rules.passes(s.rule().get(), nodeAttributes, resource, null)) continue;
            s.values().forEach(out::putIfAbsent);
        }
        return out;
    }
}
