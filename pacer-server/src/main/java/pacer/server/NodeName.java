package pacer.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import pacer.membership.ClusterConfig;

/** Finds which node of the configuration this host is, when {@code --node} is not given. */
final class NodeName {
    private NodeName() {}

    static String fromHost(ClusterConfig cluster) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "");
        }
        String shortName = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        for (String n : cluster.nodeNames()) {
            if (n.equals(host) || n.equals(shortName)) return n;
        }
        throw new IllegalArgumentException("this host is '" + host + "', which is not a node of cluster '"
                + cluster.clusterName() + "' (nodes: " + String.join(", ", cluster.nodeNames())
                + "); start pacerd with --node NAME");
    }
}
