package pacer.cib.edit;

import java.util.List;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.report.CibReport;
import pacer.cib.xml.XmlElement;

/**
 * What an edit command returns: the new CIB tree when it succeeded, the reports (errors stop the
 * edit, warnings do not) and informational messages pcs would print ("Deleting Resource - X").
 *
 * @param cib the edited tree; empty when an error stopped the edit (nothing was changed)
 * @param messages informational lines for the user, in order
 */
public record EditResult(Optional<XmlElement> cib, List<CibReport> reports, List<String> messages) {
    public EditResult {
        reports = List.copyOf(reports);
        messages = List.copyOf(messages);
    }

    /** An edit that stopped: no tree, only the reports saying why. */
    public static EditResult failed(List<CibReport> reports, List<String> messages) {
        return new EditResult(Optional.empty(), reports, messages);
    }

    /**
     * A successful edit from {@code before} to {@code after}: when the configuration changed, the
     * epoch is bumped and num_updates reset, as Pacemaker does for a configuration write.
     */
    public static EditResult done(XmlElement before, XmlElement after, List<CibReport> reports, List<String> messages) {
        boolean changed = !before.child("configuration").equals(after.child("configuration"));
        return new EditResult(Optional.of(changed ? CibTree.bumpEpoch(after) : after), reports, messages);
    }

    public boolean succeeded() { return cib.isPresent(); }

    public boolean hasErrors() {
        return reports.stream().anyMatch(r -> r.severity() == CibReport.Severity.ERROR);
    }

    public List<CibReport> errors() {
        return reports.stream().filter(r -> r.severity() == CibReport.Severity.ERROR).toList();
    }

    public List<CibReport> warnings() {
        return reports.stream().filter(r -> r.severity() == CibReport.Severity.WARNING).toList();
    }

    /** The edited tree read back into the typed model. */
    public Optional<Cib> parsed() { return cib.map(CibParser::parse); }
}
