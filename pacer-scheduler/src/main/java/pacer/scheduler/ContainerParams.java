package pacer.scheduler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.xml.XmlElement;

/**
 * The instance attributes Pacemaker gives a bundle's container resource (image, run options
 * built from network, storage and port mappings, run and monitor commands). They must be the same
 * as Pacemaker's, since the recorded operation digests are computed over them.
 */
final class ContainerParams {
    private final String prefix;
    private final String agent;
    private final XmlElement runtime;
    private final XmlElement network;
    private final boolean hasPrimitive;
    private final String hostOptions;
    private final List<String[]> mounts = new java.util.ArrayList<>();
    private final List<String[]> ports = new java.util.ArrayList<>();

    ContainerParams(String prefix, String agent, XmlElement runtime, XmlElement definition, XmlElement network,
                    boolean hasPrimitive, String hostOptions) {
        this.prefix = prefix;
        this.agent = agent;
        this.runtime = runtime;
        this.network = network;
        this.hasPrimitive = hasPrimitive;
        this.hostOptions = hostOptions;
        boolean logMount = true;
        XmlElement storage = definition.child("storage").orElse(null);
        if (storage != null) {
            for (XmlElement m : storage.children("storage-mapping").toList()) {
                String source = m.attr("source-dir");
                String subdir = null;
                if (source == null) {
                    source = m.attr("source-dir-root");
                    subdir = "subdir";
                }
                String target = m.attr("target-dir");
                if (source == null || target == null) continue;
                mounts.add(new String[] {source, target, m.attr("options"), subdir});
                if (target.equals("/var/log")) logMount = false;
            }
        }
        if (network != null) {
            for (XmlElement p : network.children("port-mapping").toList()) {
                String source = p.attr("port");
                String target = null;
                if (source == null) source = p.attr("range");
                else target = p.attr("internal-port");
                if (source == null || source.isEmpty()) continue;
                ports.add(new String[] {source, target == null ? source : target});
            }
        }
        if (hasPrimitive) {
            mounts.add(new String[] {"/etc/pacemaker/authkey", "/etc/pacemaker/authkey", null, null});
            if (logMount) mounts.add(new String[] {"/var/log/pacemaker/bundles", "/var/log", null, "subdir"});
            String control = network == null ? null : network.attr("control-port");
            String port = control != null ? control : "3121";
            ports.add(new String[] {port, port});
        }
    }

    /** The parameters of replica {@code i}'s container ({@code ip} may be null). */
    Map<String, String> forReplica(int i, String ip) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("image", runtime.attr("image", ""));
        p.put("allow_pull", "true");
        p.put("force_kill", "false");
        p.put("reuse", "false");
        StringBuilder opts = new StringBuilder();
        if (agent.equals("docker")) opts.append(" --restart=no");
        if (network != null && network.attr("ip-range-start") != null) opts.append(" -h ").append(prefix).append('-').append(i);
        opts.append(" -e PCMK_stderr=1");
        String net = runtime.attr("network");
        if (net != null) opts.append(" --net=").append(net);
        String control = network == null ? null : network.attr("control-port");
        opts.append(" -e PCMK_remote_port=").append(control != null ? control : "3121");
        StringBuilder dirs = new StringBuilder();
        for (String[] m : mounts) {
            String source = m[0];
            if (m[3] != null) {
                source = m[0] + "/" + prefix + "-" + i;
                if (dirs.length() > 0) dirs.append(',');
                dirs.append(source);
            }
            opts.append(" -v ").append(source).append(':').append(m[1]);
            if (m[2] != null) opts.append(':').append(m[2]);
        }
        for (String[] port : ports) {
            if (ip != null) opts.append(" -p ").append(ip).append(':').append(port[0]).append(':').append(port[1]);
            else if (!"host".equals(net)) opts.append(" -p ").append(port[0]).append(':').append(port[1]);
        }
        if (runtime.attr("options") != null) opts.append(' ').append(runtime.attr("options"));
        opts.append(' ').append(hostOptions);
        p.put("run_opts", opts.toString());
        p.put("mount_points", dirs.toString());
        String command = runtime.attr("run-command");
        if (hasPrimitive) p.put("run_cmd", command != null ? command : "/usr/sbin/pacemaker-remoted");
        else if (command != null) p.put("run_cmd", command);
        p.put("monitor_cmd", "/bin/true");
        return p;
    }
}
