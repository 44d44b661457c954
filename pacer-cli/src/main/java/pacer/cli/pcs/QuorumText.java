package pacer.cli.pcs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pcs quorum status} in corosync-quorumtool's text, from pacerd's membership (the
 * {@code key: value} lines of {@code GET /membership}) and the CIB's node list (names and ids;
 * every configured node has one vote, so the expected votes are the configured nodes). With
 * exactly two nodes, votequorum's two_node rule applies: quorum is 1, flags {@code 2Node} and
 * {@code WaitForAll}, as Pacer's quorum does.
 */
final class QuorumText {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneId.systemDefault());

    private QuorumText() {}

    /** The {@code key: value} lines of the control API's membership answer. */
    static Map<String, String> parse(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return out;
    }

    /**
     * @param membership the parsed membership answer
     * @param configured the configured nodes, name to node id, in order
     */
    static List<String> render(Map<String, String> membership, Map<String, String> configured, Instant now) {
        String self = membership.getOrDefault("node", "");
        List<String> members = List.of(membership.getOrDefault("members", "").split("\\s+")).stream()
                .filter(m -> !m.isEmpty()).toList();
        boolean quorate = Boolean.parseBoolean(membership.getOrDefault("quorate", "false"));
        String device = membership.getOrDefault("quorum-device", "");
        boolean hasDevice = !device.isEmpty();
        boolean deviceVote = device.contains("vote held");
        int expected = hasDevice ? Integer.parseInt(membership.getOrDefault("expected-votes", "0"))
                : Math.max(configured.size(), members.size());
        boolean twoNode = !hasDevice && expected == 2;
        int quorum = twoNode ? 1 : expected / 2 + 1;
        List<String> flags = new ArrayList<>();
        if (twoNode) flags.add("2Node");
        if (quorate) flags.add("Quorate");
        if (twoNode) flags.add("WaitForAll");
        if (hasDevice) flags.add("Qdevice");
        List<String> out = new ArrayList<>();
        out.add("Quorum information");
        out.add("------------------");
        out.add(row("Date:", DATE.format(now)));
        out.add(row("Quorum provider:", "pacer_votequorum"));
        out.add(row("Nodes:", Integer.toString(members.size())));
        out.add(row("Node ID:", configured.getOrDefault(self, "?")));
        out.add(row("Ring ID:", membership.getOrDefault("view", "")));
        out.add(row("Quorate:", quorate ? "Yes" : "No"));
        out.add("");
        out.add("Votequorum information");
        out.add("----------------------");
        out.add(row("Expected votes:", Integer.toString(expected)));
        out.add(row("Highest expected:", Integer.toString(expected)));
        out.add(row("Total votes:", Integer.toString(members.size() + (deviceVote ? 1 : 0))));
        out.add(row("Quorum:", quorum + (quorate ? "" : " Activity blocked")));
        out.add(row("Flags:", String.join(" ", flags)));
        out.add("");
        out.add("Membership information");
        out.add("----------------------");
        out.add("    Nodeid      Votes    Qdevice Name");
        for (String m : members) {
            // one partition shares the device's answer; "NA": this node cannot reach the witness
            String q = !hasDevice ? "NR" : (device.contains(": connected") || !m.equals(self) ? "A," : "NA,")
                    + (deviceVote ? "V" : "NV") + ",NMW";
            out.add(String.format(Locale.ROOT, "%10s %10d %10s %s%s", configured.getOrDefault(m, "?"), 1, q, m,
                    m.equals(self) ? " (local)" : ""));
        }
        if (hasDevice) {
            out.add(String.format(Locale.ROOT, "%10s %10d %10s %s", 0, deviceVote ? 1 : 0, "", "Qdevice"));
        }
        return out;
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "%-18s%s", label, value).stripTrailing();
    }
}
