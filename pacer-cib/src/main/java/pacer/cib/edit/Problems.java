package pacer.cib.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pacer.cib.report.CibReport;
import pacer.cib.report.Reports;
import pacer.cib.xml.XmlElement;

/**
 * Collects what one edit finds: errors, "forceable" errors (an error unless {@code --force} was
 * given, then a warning, as pcs's force codes work), warnings and informational messages.
 * Belongs to a single edit call; not thread-safe.
 */
final class Problems {
    /** Appended to a forceable error, as pcs does. */
    static final String FORCE_HINT = ", use --force to override";

    private final boolean force;
    private final Reports reports = new Reports();
    private final List<String> messages = new ArrayList<>();

    Problems(boolean force) {
        this.force = force;
    }

    boolean force() { return force; }

    void error(String code, String id, String message) { reports.error(code, id, 0, message); }

    /** An error that {@code --force} turns into a warning. */
    void forceable(String code, String id, String message) {
        if (force) reports.warning(code, id, 0, message);
        else reports.error(code, id, 0, message + (message.endsWith("?") ? " (use --force to override)" : FORCE_HINT));
    }

    void warning(String code, String id, String message) { reports.warning(code, id, 0, message); }

    void info(String message) { messages.add(message); }

    boolean hasErrors() { return reports.hasErrors(); }

    List<CibReport> list() { return reports.list(); }

    /** The failed result, carrying everything found so far. */
    EditResult failed() { return EditResult.failed(reports.list(), messages); }

    /**
     * Validation passed? Then apply the change; otherwise fail without touching anything. The
     * change itself may still add problems (a late check); errors then also fail the edit.
     */
    EditResult finish(XmlElement before, Supplier<XmlElement> change) {
        if (hasErrors()) return failed();
        XmlElement after = change.get();
        if (hasErrors()) return failed();
        return EditResult.done(before, after, reports.list(), messages);
    }
}
