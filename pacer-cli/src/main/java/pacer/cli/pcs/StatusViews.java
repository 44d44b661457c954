package pacer.cli.pcs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pacer.cib.Cib;
import pacer.scheduler.ClusterStatus;
import pacer.scheduler.Transition;

/** The text of {@code pcs status} and {@code pcs status nodes}, in pcs 0.11's layout. */
final class StatusViews {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private StatusViews() {}

    /**
     * {@code pcs status}: pcs's header, crm_mon's blocks, and the failed actions; with {@code full}
     * ({@code --full}) also node attributes, the migration summary and detailed failures.
     */
    static List<String> full(Cib cib, Transition t, Instant now, boolean full) {
        return full(cib, t, now, full, property(cib, "cluster-name"));
    }

    /**
     * As above, with the cluster's name given: pcs prints the name from the cluster configuration
     * of the node it runs on (corosync.conf; for Pacer {@code /etc/pacer/cluster.conf}), and from
     * the CIB's {@code cluster-name} only for a file ({@code -f}).
     */
    static List<String> full(Cib cib, Transition t, Instant now, boolean full, String clusterName) {
        ClusterStatus st = t.status();
        List<String> out = new ArrayList<>();
        out.add("Cluster name: " + clusterName);
        List<String> warnings = warnings(cib, st);
        if (!warnings.isEmpty()) {
            out.add("WARNINGS:");
            out.addAll(warnings);
            out.add("");
        }
        out.add("Cluster Summary:");
        out.add("  * Stack: pacer");
        String dc = st.nodes().stream().filter(ClusterStatus.NodeStatus::dc).map(ClusterStatus.NodeStatus::name)
                .findFirst().orElse(null);
        out.add("  * Current DC: " + (dc == null ? "NONE" : dc + " - partition " + (cib.hasQuorum() ? "with" : "WITHOUT")
                + " quorum"));
        out.add("  * Last updated: " + DATE.format(now));
        cib.attribute("cib-last-written").ifPresent(w -> out.add("  * Last change:  " + w));
        out.add("  * " + st.nodes().size() + " node" + (st.nodes().size() == 1 ? "" : "s") + " configured");
        out.add("  * " + st.resources().stream().filter(r -> !r.orphaned()).count() + " resource instances configured");
        out.add("");
        for (String line : t.statusLines()) out.add(dedent(line));
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) out.remove(out.size() - 1);
        out.addAll(StatusDetails.blocks(cib, full));
        return out;
    }

    /** crm_mon's blocks one level up: "  * Node List:" becomes "Node List:". */
    private static String dedent(String line) {
        if (line.startsWith("  * ") && line.endsWith(":") && !line.startsWith("    ")) return line.substring(4);
        return line.startsWith("  ") ? line.substring(2) : line;
    }

    private static List<String> warnings(Cib cib, ClusterStatus st) {
        List<String> out = new ArrayList<>();
        boolean fencing = !"false".equalsIgnoreCase(property(cib, "stonith-enabled"))
                && !"false".equalsIgnoreCase(property(cib, "fencing-enabled"));
        boolean devices = cib.configuration().allResources().stream()
                .anyMatch(r -> r instanceof pacer.cib.Primitive p && p.isFencingDevice());
        if (fencing && !devices) out.add("No stonith devices and stonith-enabled is not false");
        List<String> moved = cib.configuration().constraints().stream().map(pacer.cib.Constraint::id)
                .filter(id -> id.startsWith("cli-prefer-") || id.startsWith("cli-ban-")).toList();
        if (!moved.isEmpty()) {
            out.add("Following resources have been moved and their move constraints are still in place: '"
                    + String.join("', '", moved) + "'");
            out.add("Run 'pcs constraint location' or 'pcs resource clear <resource id>' to view or remove the"
                    + " constraints, respectively");
        }
        return out;
    }

    static List<String> nodes(ClusterStatus st) {
        List<String> online = new ArrayList<>();
        List<String> standby = new ArrayList<>();
        List<String> standbyRunning = new ArrayList<>();
        List<String> maintenance = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (ClusterStatus.NodeStatus n : st.nodes()) {
            if (!n.online()) offline.add(n.name());
            else if (n.maintenance()) maintenance.add(n.name());
            else if (n.standby() && n.resourcesRunning() > 0) standbyRunning.add(n.name());
            else if (n.standby()) standby.add(n.name());
            else online.add(n.name());
        }
        List<String> out = new ArrayList<>();
        out.add("Pacemaker Nodes:");
        out.add(" Online:" + join(online));
        out.add(" Standby:" + join(standby));
        out.add(" Standby with resource(s) running:" + join(standbyRunning));
        out.add(" Maintenance:" + join(maintenance));
        out.add(" Offline:" + join(offline));
        out.add("Pacemaker Remote Nodes:");
        out.add(" Online:");
        out.add(" Standby:");
        out.add(" Standby with resource(s) running:");
        out.add(" Maintenance:");
        out.add(" Offline:");
        return out;
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? "" : " " + String.join(" ", names);
    }

    static String property(Cib cib, String name) {
        return cib.configuration().crmConfig().stream().map(s -> s.values().get(name)).filter(v -> v != null)
                .findFirst().orElse("");
    }
}
