package pacer.fencing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import pacer.cib.Configuration;
import pacer.cib.FencingLevel;

/**
 * The fencing topology for one target: the {@code fencing-level}s that apply to it, by
 * {@code target} (its name), {@code target-pattern} (a regular expression found in its name, as
 * POSIX {@code regexec} finds it) or {@code target-attribute}/{@code target-value} (one of its
 * permanent node attributes), in index order. Pure.
 *
 * <p>The fencer tries the levels in that order; within a level every device must succeed; when a
 * device of a level fails, the next level is tried. No levels means no topology: any device that
 * can fence the target is used.
 */
final class Topology {
    private Topology() {}

    static List<FencingLevel> levelsFor(Configuration config, String target) {
        Map<String, String> attributes = config.node(target)
                .map(n -> AttributeValues.of(n.attributes())).orElse(Map.of());
        return config.fencingTopology().stream()
                .filter(level -> appliesTo(level, target, attributes))
                .sorted(Comparator.comparingInt(FencingLevel::index))
                .toList();
    }

    static boolean appliesTo(FencingLevel level, String target, Map<String, String> nodeAttributes) {
        if (level.target() != null) return level.target().equals(target);
        if (level.targetPattern() != null) {
            try {
                return Pattern.compile(level.targetPattern()).matcher(target).find();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        if (level.targetAttribute() != null) {
            return level.targetValue() != null && level.targetValue().equals(nodeAttributes.get(level.targetAttribute()));
        }
        return false;
    }
}
