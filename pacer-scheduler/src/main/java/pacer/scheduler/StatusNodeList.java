package pacer.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import pacer.cib.BooleanValue;

/**
 * The "Node List" section of a status block: one line per node in a special state (unclean,
 * pending, standby, maintenance), then the remaining nodes aggregated as {@code Online: [ … ]} and
 * {@code OFFLINE: [ … ]}, all in natural name order. Also holds that name order.
 */
final class StatusNodeList {
    /** Pacemaker's node name order: case-insensitive, digit runs compared as numbers. */
    static final Comparator<String> NATURAL = StatusNodeList::compareNatural;

    private StatusNodeList() {}

    static List<String> lines(StatusState s) {
        List<NodeView> nodes = new ArrayList<>(s.ws.nodes);
        nodes.sort(Comparator.comparing((NodeView n) -> n.name, NATURAL));
        List<String> out = new ArrayList<>();
        out.add("  * Node List:");
        List<String> online = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        List<String> remoteOnline = new ArrayList<>();
        List<String> remoteOffline = new ArrayList<>();
        List<String> guestOnline = new ArrayList<>();
        for (NodeView n : nodes) {
            String special = special(s, n);
            String kind = n.isGuest() ? "GuestNode " : n.isRemote() ? "RemoteNode " : "Node ";
            if (special != null) out.add("    * " + kind + n.name + ": " + special);
            else if (n.isGuest()) {
                if (s.online(n)) guestOnline.add(n.name); // offline guests are not listed
            } else if (n.isRemote()) (s.online(n) ? remoteOnline : remoteOffline).add(n.name);
            else if (s.online(n)) online.add(n.name);
            else offline.add(n.name);
        }
        if (!online.isEmpty()) out.add("    * Online: [ " + String.join(" ", online) + " ]");
        if (!offline.isEmpty()) out.add("    * OFFLINE: [ " + String.join(" ", offline) + " ]");
        if (!remoteOnline.isEmpty()) out.add("    * RemoteOnline: [ " + String.join(" ", remoteOnline) + " ]");
        if (!remoteOffline.isEmpty()) out.add("    * RemoteOFFLINE: [ " + String.join(" ", remoteOffline) + " ]");
        if (!guestOnline.isEmpty()) out.add("    * GuestOnline: [ " + String.join(" ", guestOnline) + " ]");
        return out;
    }

    /** The text of a node's own line, or null when it belongs in an aggregated list. */
    private static String special(StatusState s, NodeView n) {
        boolean online = s.online(n);
        if (s.unclean(n)) {
            if (online) return "UNCLEAN (online)";
            return s.pending(n) ? "UNCLEAN (pending)" : "UNCLEAN (offline)";
        }
        if (s.pending(n)) return "pending";
        boolean configuredStandby = BooleanValue.parse(n.attributes.get("standby"), false);
        if (n.standby && online && !configuredStandby) return "standby (on-fail)";
        if (n.standby) {
            if (!online) return "OFFLINE (standby)";
            return s.hostsAnything(n) ? "standby (with active resources)" : "standby";
        }
        if (n.maintenance) return online ? "maintenance" : "OFFLINE (maintenance)";
        return null;
    }

    static int compareNatural(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            char c = x.charAt(i);
            char d = y.charAt(j);
            if (Character.isDigit(c) && Character.isDigit(d)) {
                int si = i;
                int sj = j;
                while (i < x.length() && Character.isDigit(x.charAt(i))) i++;
                while (j < y.length() && Character.isDigit(y.charAt(j))) j++;
                String na = x.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = y.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int cmp = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (cmp != 0) return cmp;
            } else {
                if (c != d) return Character.compare(c, d);
                i++;
                j++;
            }
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
