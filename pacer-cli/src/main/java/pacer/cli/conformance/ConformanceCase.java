package pacer.cli.conformance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pacer.cli.IsoDateTime;

/**
 * One row of {@code cases.csv}: a scheduler regression case and how to run it.
 *
 * @param name the case name; its files are {@code xml/NAME.xml} and {@code summary/NAME.summary}
 * @param tier T1 (primitives) to T4 (bundles, remote and guest nodes), see the data's README
 * @param group the section of Pacemaker's case list it comes from
 * @param description Pacemaker's one-line intent, e.g. "Start Failed"
 * @param extraArgs crm_simulate options for this case; only {@code -t DATE} occurs
 * @param features what the input uses, e.g. {@code primitive}, {@code fail-count}
 */
public record ConformanceCase(String name, String tier, String group, String description, String extraArgs,
                              List<String> features) {
    public ConformanceCase {
        features = List.copyOf(features);
    }

    /**
     * The simulated "now" that {@code extraArgs} gives ({@code -t DATE}, {@code --date DATE} or
     * {@code --date=DATE}; the date may contain a space), or empty when there is none.
     *
     * @throws IllegalArgumentException on any other option, or a date that does not parse
     */
    public Optional<Instant> date() {
        String args = extraArgs.strip();
        if (args.isEmpty()) return Optional.empty();
        for (String option : List.of("-t ", "--date ", "--date=")) {
            if (args.startsWith(option)) return Optional.of(IsoDateTime.parse(args.substring(option.length())));
        }
        throw new IllegalArgumentException("unsupported extra_args '" + extraArgs + "': only -t DATE is understood");
    }
}
