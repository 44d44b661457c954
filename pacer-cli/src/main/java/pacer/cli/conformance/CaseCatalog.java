package pacer.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code cases.csv}: a header {@code case,tier,group,description,extra_args,features}, then
 * one case a line; {@code features} is a {@code ;}-separated list. Blank lines are skipped.
 */
final class CaseCatalog {
    static final List<String> HEADER = List.of("case", "tier", "group", "description", "extra_args", "features");

    private CaseCatalog() {}

    /**
     * @param source names the file in error messages
     * @throws IllegalArgumentException naming the source and line when the header or a row is wrong
     */
    static List<ConformanceCase> parse(List<String> lines, String source) {
        if (lines.isEmpty() || !CsvRecord.split(lines.get(0).strip()).equals(HEADER)) {
            throw new IllegalArgumentException(source + ":1: the header must be " + String.join(",", HEADER));
        }
        List<ConformanceCase> cases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            List<String> f;
            try {
                f = CsvRecord.split(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
            if (f.size() != HEADER.size() || f.get(0).isBlank()) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected " + HEADER.size()
                        + " fields with a case name, found " + f.size());
            }
            List<String> features = f.get(5).isBlank() ? List.of() : List.of(f.get(5).split(";"));
            cases.add(new ConformanceCase(f.get(0).strip(), f.get(1).strip(), f.get(2), f.get(3), f.get(4), features));
        }
        return cases;
    }
}
