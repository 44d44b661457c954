package pacer.cli.conformance;

import java.util.List;

/**
 * The text of the per-case report: a header, then one line per case ({@code PASS} or
 * {@code FAIL}, name, tier, description). Under a failing case: why it could not run (exception,
 * timeout, missing file), the CIB's error reports, and a unified-style diff of the expected
 * ({@code -}) against Pacer's ({@code +}) normalized Transition Summary. Ends with the tier table.
 */
final class ReportFile {
    private static final String INDENT = "      ";

    private ReportFile() {}

    static String render(ConformanceRun run) {
        StringBuilder b = new StringBuilder();
        b.append("# Pacer scheduler conformance report\n")
                .append("# data: ").append(run.dir()).append('\n')
                .append("# judged by the Transition Summary (normalized); \"now\" is the case's -t date, else its ")
                .append("execution-date, else ").append(ConformanceSuite.FALLBACK_NOW).append('\n')
                .append("# ").append(run.passed()).append(" passed, ").append(run.failed()).append(" failed\n\n");
        for (CaseResult r : run.results()) {
            b.append(r.passed() ? "PASS" : "FAIL").append("  ").append(r.name())
                    .append("  [").append(r.kase().tier()).append("]  ").append(r.kase().description()).append('\n');
            if (!r.passed()) details(r, b);
        }
        return b.append('\n').append(TierTable.render(run.results())).toString();
    }

    private static void details(CaseResult r, StringBuilder b) {
        lines(b, r.problem());
        lines(b, r.cibErrors().stream().map(e -> "cib " + e).toList());
        if (r.expectedKnown()) {
            b.append(INDENT).append("--- expected (summary/").append(r.name()).append(".summary)\n")
                    .append(INDENT).append("+++ actual (pacer)\n");
            if (r.expected().isEmpty() && r.actual().isEmpty()) b.append(INDENT).append("(both empty)\n");
            lines(b, UnifiedDiff.diff(r.expected(), r.actual()));
        }
        b.append('\n');
    }

    private static void lines(StringBuilder b, List<String> lines) {
        lines.forEach(l -> b.append(INDENT).append(l).append('\n'));
    }
}
