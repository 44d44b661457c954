package pacer.cli.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-tier table of a run: cases and passes per tier and in all, and the same over the
 * "non-empty" cases only, those whose expected Transition Summary is not empty (a scheduler that
 * does nothing passes the others, so that second rate is the honest one).
 */
final class TierTable {
    private static final String ROW = "%-5s %6s %7s %7s   %9s %7s %7s%n";

    private TierTable() {}

    static String render(List<CaseResult> results) {
        Map<String, List<CaseResult>> byTier = new TreeMap<>();
        for (CaseResult r : results) byTier.computeIfAbsent(r.kase().tier(), t -> new ArrayList<>()).add(r);
        StringBuilder b = new StringBuilder();
        b.append(String.format(ROW, "tier", "cases", "passed", "rate", "non-empty", "passed", "rate"));
        byTier.forEach((tier, rs) -> b.append(row(tier, rs)));
        if (byTier.size() != 1) b.append(row("all", results));
        return b.toString();
    }

    private static String row(String tier, List<CaseResult> rs) {
        long passed = rs.stream().filter(CaseResult::passed).count();
        List<CaseResult> nonEmpty = rs.stream().filter(r -> !r.expectsNothing()).toList();
        long nonEmptyPassed = nonEmpty.stream().filter(CaseResult::passed).count();
        return String.format(ROW, tier, rs.size(), passed, rate(passed, rs.size()),
                nonEmpty.size(), nonEmptyPassed, rate(nonEmptyPassed, nonEmpty.size()));
    }

    private static String rate(long passed, long total) {
        return total == 0 ? "-" : String.format("%.1f%%", 100.0 * passed / total);
    }
}
