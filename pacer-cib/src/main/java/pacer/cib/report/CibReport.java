package pacer.cib.report;

import java.util.Objects;

/**
 * One problem found in a CIB, as data: what kind ({@link #code}), how bad, which element (its id
 * and source line), and a sentence that says what is wrong and how to fix it.
 *
 * @param code a stable machine-readable code, e.g. {@code duplicate-id}
 * @param elementId the id of the element at fault, or the element name where it has no id
 * @param line 1-based source line, or 0 when unknown
 */
public record CibReport(Severity severity, String code, String elementId, int line, String message) {
    public CibReport {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        elementId = elementId == null ? "" : elementId;
        Objects.requireNonNull(message);
    }

    public static CibReport error(String code, String elementId, int line, String message) {
        return new CibReport(Severity.ERROR, code, elementId, line, message);
    }

    public static CibReport warning(String code, String elementId, int line, String message) {
        return new CibReport(Severity.WARNING, code, elementId, line, message);
    }

    /** "error: line 12: resource 'rsc1': ..." as an administrator reads it. */
    public String render() {
        StringBuilder b = new StringBuilder(severity.label()).append(": ");
        if (line > 0) b.append("line ").append(line).append(": ");
        if (!elementId.isEmpty()) b.append('\'').append(elementId).append("': ");
        return b.append(message).toString();
    }

    /** How bad a report is. Errors make the CIB (or the part named) unusable; warnings do not. */
    public enum Severity {
        ERROR("error"), WARNING("warning");

        private final String label;
        Severity(String label) { this.label = label; }
        public String label() { return label; }
    }
}
