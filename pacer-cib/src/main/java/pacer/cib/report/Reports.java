package pacer.cib.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects {@link CibReport}s while one parse or one scheduler run goes on. Not thread-safe: it
 * belongs to the single call that created it.
 */
public final class Reports {
    private final List<CibReport> reports = new ArrayList<>();

    public void add(CibReport report) { reports.add(report); }

    public void error(String code, String elementId, int line, String message) {
        add(CibReport.error(code, elementId, line, message));
    }

    public void warning(String code, String elementId, int line, String message) {
        add(CibReport.warning(code, elementId, line, message));
    }

    public boolean hasErrors() {
        return reports.stream().anyMatch(r -> r.severity() == CibReport.Severity.ERROR);
    }

    public List<CibReport> list() { return List.copyOf(reports); }
}
