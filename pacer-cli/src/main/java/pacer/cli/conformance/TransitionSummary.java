package pacer.cli.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The primary conformance check's input: a crm_simulate Transition Summary, normalized so that
 * column alignment does not matter. The rules are those of the data's README: take the lines
 * between {@code Transition Summary:} and the next line that is not indented, drop blank lines,
 * collapse runs of white space to one space. Leading and trailing white space is dropped too:
 * indentation only delimits the block, and this way a scheduler's lines compare equal whether or
 * not they carry crm_simulate's two-space indent.
 */
public final class TransitionSummary {
    private static final String HEADER = "Transition Summary:";
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private TransitionSummary() {}

    /**
     * The normalized lines of the Transition Summary block of a crm_simulate output.
     *
     * @throws IllegalArgumentException when the text has no {@code Transition Summary:} line
     */
    public static List<String> extract(String simulateOutput) {
        List<String> block = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        for (String line : simulateOutput.split("\\R", -1)) {
            if (!inside) {
                if (line.stripTrailing().equals(HEADER)) {
                    inside = true;
                    found = true;
                }
                continue;
            }
            if (line.isBlank()) continue;
            if (!Character.isWhitespace(line.charAt(0))) break;
            block.add(line);
        }
        if (!found) throw new IllegalArgumentException("no line '" + HEADER + "' in the summary");
        return normalize(block);
    }

    /** The lines normalized one by one, blank ones dropped. */
    public static List<String> normalize(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            for (String part : line.split("\\R")) {
                String n = normalize(part);
                if (!n.isEmpty()) out.add(n);
            }
        }
        return List.copyOf(out);
    }

    /** One line with runs of white space collapsed to one space, leading and trailing ones dropped. */
    public static String normalize(String line) {
        return WHITE_SPACE.matcher(line).replaceAll(" ").strip();
    }
}
