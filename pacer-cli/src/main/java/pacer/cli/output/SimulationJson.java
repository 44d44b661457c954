package pacer.cli.output;

import java.util.List;
import pacer.cib.report.CibReport;
import pacer.scheduler.simulate.SimulationResult;

/**
 * A simulation result as one JSON object, written by hand (the shape is small and fixed):
 *
 * <pre>{@code
 * {
 *   "current_status": ["..."],
 *   "scores": ["..."],
 *   "transition_summary": ["..."],
 *   "executed": ["..."],
 *   "revised_status": ["..."],
 *   "reports": [{"severity": "error", "code": "...", "element": "...", "line": 12, "message": "..."}]
 * }
 * }</pre>
 *
 * Lines are the text lines of each block, exactly as the text output prints them.
 */
public final class SimulationJson {
    private SimulationJson() {}

    public static String render(SimulationResult r) {
        StringBuilder b = new StringBuilder("{\n");
        lines(b, "current_status", r.currentStatus());
        lines(b, "scores", r.scores());
        lines(b, "transition_summary", r.transitionSummary());
        lines(b, "executed", r.executed());
        lines(b, "revised_status", r.revisedStatus());
        b.append("  \"reports\": [");
        List<CibReport> reports = r.reports();
        for (int i = 0; i < reports.size(); i++) {
            CibReport p = reports.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"severity\": ").append(string(p.severity().label()))
                    .append(", \"code\": ").append(string(p.code()))
                    .append(", \"element\": ").append(string(p.elementId()))
                    .append(", \"line\": ").append(p.line())
                    .append(", \"message\": ").append(string(p.message())).append('}');
        }
        b.append(reports.isEmpty() ? "]\n" : "\n  ]\n");
        return b.append("}\n").toString();
    }

    private static void lines(StringBuilder b, String name, List<String> lines) {
        b.append("  ").append(string(name)).append(": [");
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == 0 ? "\n    " : ",\n    ").append(string(lines.get(i)));
        }
        b.append(lines.isEmpty() ? "],\n" : "\n  ],\n");
    }

    /** A JSON string literal (RFC 8259 escaping). */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
