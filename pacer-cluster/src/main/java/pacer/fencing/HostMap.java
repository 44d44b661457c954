package pacer.fencing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pacemaker's host maps ({@code pcmk_host_map}, and {@code pcmk_delay_base} per node): entries
 * {@code name:value} (or {@code name=value}) separated by {@code ;} or white space, as in
 * {@code node1:1;node2:2,3}. A backslash makes the next character part of the value, so a value
 * may hold spaces or semicolons ({@code node1:plug\ one}). Entries without a separator or a name
 * are ignored. Pure.
 */
final class HostMap {
    private HostMap() {}

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder entry = new StringBuilder();
        boolean escaped = false;
        int separator = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ';';
            if (escaped) {
                entry.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ';' || Character.isWhitespace(c)) {
                add(out, entry, separator);
                entry.setLength(0);
                separator = -1;
            } else {
                if ((c == ':' || c == '=') && separator < 0) separator = entry.length();
                entry.append(c);
            }
        }
        return out;
    }

    private static void add(Map<String, String> out, StringBuilder entry, int separator) {
        if (separator <= 0) return;
        out.put(entry.substring(0, separator), entry.substring(separator + 1));
    }
}
