package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.List;
import pacer.cib.Cib;
import pacer.scheduler.ClusterStatus;

/** {@code pcs status --output-as json}: the same facts as the XML, as JSON (written by hand). */
final class StatusJson {
    private StatusJson() {}

    static String render(Cib cib, ClusterStatus st) {
        List<String> nodes = new ArrayList<>();
        for (ClusterStatus.NodeStatus n : st.nodes()) {
            nodes.add("{\"name\":" + q(n.name()) + ",\"id\":" + q(n.id()) + ",\"online\":" + n.online()
                    + ",\"standby\":" + n.standby() + ",\"maintenance\":" + n.maintenance() + ",\"pending\":" + n.pending()
                    + ",\"unclean\":" + n.unclean() + ",\"shutdown\":" + n.shutdown() + ",\"is_dc\":" + n.dc()
                    + ",\"resources_running\":" + n.resourcesRunning() + "}");
        }
        List<String> resources = new ArrayList<>();
        for (ClusterStatus.ResourceStatus r : st.resources()) {
            resources.add("{\"id\":" + q(r.id()) + ",\"agent\":" + q(r.agent()) + ",\"parent\":" + q(r.parent())
                    + ",\"role\":" + q(r.role()) + ",\"active\":" + r.active() + ",\"orphaned\":" + r.orphaned()
                    + ",\"blocked\":" + r.blocked() + ",\"managed\":" + r.managed() + ",\"failed\":" + r.failed()
                    + ",\"nodes\":[" + String.join(",", r.nodes().stream().map(StatusJson::q).toList()) + "]}");
        }
        return "{\"cluster_name\":" + q(StatusViews.property(cib, "cluster-name")) + ",\"have_quorum\":" + cib.hasQuorum()
                + ",\"nodes\":[" + String.join(",", nodes) + "],\"resources\":[" + String.join(",", resources) + "]}";
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
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
