package pacer.cli.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The list of cases known to pass: one case name a line, sorted; blank lines and lines starting
 * with {@code #} are ignored. A listed case that fails is a regression. The checked-in list is
 * {@code pacer-cli/src/test/resources/conformance-passing.txt}.
 */
public final class PassingList {
    private static final List<String> HEADER = List.of(
            "# Scheduler conformance cases that pass: a listed case that fails is a regression",
            "# (SchedulerConformanceTest and scripts/scheduler-conformance --check-passing fail on it).",
            "# Regenerate: scripts/scheduler-conformance ../shared/pacemaker-scheduler \\",
            "#     --write-passing pacer-cli/src/test/resources/conformance-passing.txt");

    private PassingList() {}

    /** The names in the text's lines. */
    public static SortedSet<String> parse(List<String> lines) {
        SortedSet<String> names = new TreeSet<>();
        for (String line : lines) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) names.add(name);
        }
        return names;
    }

    public static SortedSet<String> read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    /** Writes the header comment and the names, sorted, creating parent folders as needed. */
    public static void write(Path file, Collection<String> names) throws IOException {
        List<String> lines = new ArrayList<>(HEADER);
        lines.addAll(new TreeSet<>(names));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(file, lines);
    }
}
