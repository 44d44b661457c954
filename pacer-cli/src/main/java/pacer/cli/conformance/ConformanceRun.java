package pacer.cli.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The results of one run of the suite, in catalog order, with what is derived from them.
 *
 * @param dir the data folder the cases came from
 * @param results one per case run
 * @param wallTime the whole run's elapsed time
 */
public record ConformanceRun(Path dir, List<CaseResult> results, Duration wallTime) {
    public ConformanceRun {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    /** The names of the cases that passed, sorted. */
    public SortedSet<String> passingNames() {
        TreeSet<String> names = new TreeSet<>();
        results.stream().filter(CaseResult::passed).forEach(r -> names.add(r.name()));
        return names;
    }

    /** The names in {@code listed} of cases that ran and failed, sorted: the regressions. */
    public List<String> regressions(Collection<String> listed) {
        Set<String> wanted = Set.copyOf(listed);
        return results.stream().filter(r -> !r.passed() && wanted.contains(r.name()))
                .map(CaseResult::name).sorted().toList();
    }

    /**
     * The passing list updated by this run: names of cases that ran are kept only if they passed
     * now, names of cases that did not run (left out by a filter) are kept as they were.
     */
    public SortedSet<String> updatedPassing(Collection<String> previous) {
        Set<String> ran = new TreeSet<>();
        results.forEach(r -> ran.add(r.name()));
        TreeSet<String> names = new TreeSet<>(previous);
        names.removeAll(ran);
        names.addAll(passingNames());
        return names;
    }

    /** The slowest case, for the timing line; empty when nothing ran. */
    public Optional<CaseResult> slowest() {
        return results.stream().max(Comparator.comparing(CaseResult::took));
    }
}
