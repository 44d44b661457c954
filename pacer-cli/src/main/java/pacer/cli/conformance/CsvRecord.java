package pacer.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of RFC 4180 CSV into fields: commas separate, a field in double quotes may hold
 * commas, and {@code ""} inside quotes is one quote. Quoted fields spanning lines are not
 * supported ({@code cases.csv} has none).
 */
final class CsvRecord {
    private CsvRecord() {}

    /** @throws IllegalArgumentException when a quoted field is not closed on the line */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("a quoted field is not closed");
        fields.add(field.toString());
        return fields;
    }
}
