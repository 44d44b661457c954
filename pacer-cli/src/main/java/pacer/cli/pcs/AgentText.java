package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import pacer.cib.edit.AgentDescription;
import pacer.cib.edit.OperationSpec;

/**
 * The texts of {@code pcs resource describe} and {@code pcs stonith describe}: the agent's name
 * and short description, its long description, its parameters (flags, description, default)
 * wrapped at 80 columns with continuation lines under the description, and the operations
 * {@code create} would add by default.
 */
final class AgentText {
    static final int WIDTH = 80;

    private AgentText() {}

    /**
     * @param shownName the name as pcs shows it ({@code ocf:heartbeat:IPaddr2}; a fence agent without
     *                  its {@code stonith:} prefix)
     * @param full true to show advanced and deprecated parameters too ({@code --full})
     */
    static List<String> describe(AgentDescription d, String shownName, boolean full) {
        List<String> out = new ArrayList<>();
        out.add(shownName + (d.shortdesc().isBlank() ? "" : " - " + collapse(d.shortdesc())));
        if (!d.longdesc().isBlank()) {
            out.add("");
            for (String paragraph : d.longdesc().strip().split("\\n\\s*\\n")) {
                if (out.size() > 2) out.add("");
                out.addAll(wrap(collapse(paragraph), "", ""));
            }
        }
        List<AgentDescription.Parameter> params = full ? d.parameters() : d.basicParameters();
        out.add("");
        out.add(d.name().isStonith() ? "Stonith options:" : "Resource options:");
        if (params.isEmpty()) out.add("  No options available");
        for (AgentDescription.Parameter p : params) {
            String head = "  " + p.name() + (p.required() ? " (required)" : "") + (p.unique() ? " (unique)" : "")
                    + (p.deprecated() ? " (deprecated)" : "") + (p.advanced() ? " (advanced use only)" : "") + ": ";
            String text = collapse(p.description()) + p.defaultValue().map(v -> " (default: " + v + ")").orElse("");
            out.addAll(wrap(text, head, " ".repeat(Math.min(head.length(), 40))));
        }
        List<OperationSpec> ops = d.defaultOperations();
        if (!ops.isEmpty()) {
            out.add("");
            out.add("Default operations:");
            for (OperationSpec op : ops) {
                out.add("  " + op.name() + ": " + op.options().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
            }
        }
        return out;
    }

    /** White space runs as one space, ends trimmed. */
    static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** Words filled into lines of at most {@link #WIDTH} columns; a longer word stands alone. */
    static List<String> wrap(String text, String firstPrefix, String nextPrefix) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstPrefix);
        int prefix = firstPrefix.length();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) continue;
            if (line.length() > prefix && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(nextPrefix);
                prefix = nextPrefix.length();
            }
            if (line.length() > prefix) line.append(' ');
            line.append(word);
        }
        out.add(line.toString().stripTrailing());
        return out;
    }
}
