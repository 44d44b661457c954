package pacer.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.AttributeSet;
import pacer.cib.Bundle;
import pacer.cib.Cib;
import pacer.cib.Clone;
import pacer.cib.Configuration;
import pacer.cib.Operation;
import pacer.cib.Primitive;
import pacer.cib.Resource;
import pacer.cib.xml.XmlElement;

/**
 * Rewrites each {@code bundle} of a CIB into the resources Pacemaker implies for it, so that the
 * rest of the scheduler sees only primitives and clones. Per replica N (from 0): an IP address
 * {@code NAME-ip-ADDR} (ocf:heartbeat:IPaddr2, when {@code ip-range-start} is set), a container
 * {@code NAME-docker-N} / {@code NAME-podman-N} (carrying {@code remote-node=NAME-N} when the bundle
 * has a primitive, which makes it launch guest node {@code NAME-N}); and, when there is a primitive,
 * one clone {@code NAME-clone} (or {@code NAME-master} when promotable) of it with one instance per
 * replica. The bundle's meta-attributes are inherited by every part. The layout of the replicas is
 * returned so that later phases can pin instances and order the summary.
 */
final class BundleExpander {
    private static final String REMOTE_PORT = "3121";
    private static final String AUTHKEY = "/etc/pacemaker/authkey";
    private static final String LOG_DIR = "/var/log/pacemaker/bundles";

    /** The rewritten CIB and the replicas of every bundle, in configuration order. */
    record Expansion(Cib cib, List<BundleReplica> replicas) {}

    private final List<BundleReplica> replicas = new ArrayList<>();

    /** Returns the CIB with bundles replaced (the same CIB when it has none). */
    Expansion expand(Cib cib) {
        Configuration c = cib.configuration();
        if (c.resources().stream().noneMatch(r -> r instanceof Bundle)) return new Expansion(cib, List.of());
        List<Resource> out = new ArrayList<>();
        for (Resource r : c.resources()) {
            if (r instanceof Bundle b) out.addAll(bundle(b));
            else out.add(r);
        }
        Configuration rewritten = new Configuration(c.crmConfig(), c.nodes(), out, c.constraints(), c.rscDefaults(),
                c.opDefaults(), c.fencingTopology(), c.tags());
        Cib result = new Cib(cib.xml(), cib.version(), cib.attributes(), rewritten, cib.status(), cib.reports());
        return new Expansion(result, List.copyOf(replicas));
    }

    private List<Resource> bundle(Bundle b) {
        XmlElement def = b.definition();
        String agent = null;
        XmlElement runtime = null;
        for (String a : List.of("docker", "podman", "rkt")) {
            Optional<XmlElement> e = def.child(a);
            if (e.isPresent()) {
                agent = a;
                runtime = e.get();
                break;
            }
        }
        if (runtime == null) return List.of();
        int promotedMax = intAttr(runtime.attr("promoted-max", runtime.attr("masters")), 0);
        String replicasAttr = runtime.attr("replicas");
        int count = replicasAttr == null && promotedMax > 0 ? promotedMax : Math.max(1, intAttr(replicasAttr, 1));
        int perHost = Math.max(1, intAttr(runtime.attr("replicas-per-host"), 1));
        XmlElement network = def.child("network").orElse(null);
        String ipStart = network == null ? null : network.attr("ip-range-start");
        String controlPort = network == null ? null : network.attr("control-port");
        Primitive inner = b.primitive().filter(p -> ipStart != null || controlPort != null).orElse(null);
        String cloneId = inner == null ? null : b.id() + "-" + (promotedMax > 0 ? "master" : "clone");

        List<String> ips = new ArrayList<>();
        StringBuilder hostOptions = new StringBuilder();
        String last = null;
        for (int i = 0; i < count && ipStart != null; i++) {
            last = last == null ? ipStart : nextIp(last);
            ips.add(last);
            if (last != null && !"rkt".equals(agent)) {
                boolean addHost = network.attr("add-host") == null || pacer.cib.BooleanValue.parse(network.attr("add-host"), true);
                hostOptions.append(addHost ? " --add-host=" + b.id() + "-" + i + ":" + last
                        : " --hosts-entry=" + last + "=" + b.id() + "-" + i);
            }
        }
        ContainerParams params = new ContainerParams(b.id(), agent, runtime, def, network, inner != null,
                hostOptions.toString());
        List<Resource> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ip = i < ips.size() ? ips.get(i) : null;
            String ipId = null;
            if (ip != null) {
                ipId = sanitize(b.id() + "-ip-" + ip);
                Map<String, String> p = new LinkedHashMap<>();
                p.put("ip", ip);
                if (network.attr("host-interface") != null) p.put("nic", network.attr("host-interface"));
                p.put("cidr_netmask", network.attr("host-netmask", "32"));
                out.add(primitive(ipId, "IPaddr2", b, i, p, Map.of()));
            }
            String containerId = sanitize(b.id() + "-" + agent + "-" + i);
            Map<String, String> meta = new LinkedHashMap<>();
            String guest = null;
            if (inner != null) {
                guest = b.id() + "-" + i;
                meta.put("remote-node", guest);
                meta.put("remote-addr", ip != null ? ip : "#uname");
                meta.put("remote-port", controlPort != null ? controlPort : REMOTE_PORT);
            }
            out.add(primitive(containerId, agent, b, i, params.forReplica(i, ip), meta));
            replicas.add(new BundleReplica(b.id(), i, ipId, containerId, guest,
                    inner == null ? null : inner.id() + ":" + i, perHost));
        }
        if (inner != null) {
            Map<String, String> cloneMeta = new LinkedHashMap<>();
            cloneMeta.put("ordered", "true");
            cloneMeta.put("clone-max", Integer.toString(count));
            cloneMeta.put("clone-node-max", Integer.toString(perHost));
            cloneMeta.put("globally-unique", Boolean.toString(perHost > 1));
            if (promotedMax > 0) {
                cloneMeta.put("promotable", "true");
                cloneMeta.put("promoted-max", Integer.toString(promotedMax));
            }
            List<AttributeSet> metaSets = new ArrayList<>();
            metaSets.add(AttributeSet.of(cloneId + "-meta", "meta_attributes", cloneMeta));
            metaSets.addAll(b.meta());
            out.add(new Clone(cloneId, promotedMax > 0, metaSets, List.of(), inner, b.line()));
        }
        return out;
    }

    private static Primitive primitive(String id, String type, Bundle b, int i, Map<String, String> params,
                                       Map<String, String> ownMeta) {
        List<AttributeSet> meta = new ArrayList<>();
        if (!ownMeta.isEmpty()) meta.add(AttributeSet.of(id + "-meta", "meta_attributes", ownMeta));
        meta.addAll(b.meta());
        Operation monitor = new Operation(id + "-monitor-60s", "monitor", 60_000, Optional.empty(),
                Map.of("id", id + "-monitor-60s", "name", "monitor", "interval", "60s"), List.of(), List.of(), b.line());
        return new Primitive(id, "ocf", Optional.of("heartbeat"), type, Optional.empty(), meta,
                List.of(AttributeSet.of(b.id() + "-attributes-" + i, "instance_attributes", params)),
                List.of(), List.of(monitor), b.line());
    }

    /** The next address of an IPv4 range (last octet 1..254, carrying into the third), or null. */
    static String nextIp(String last) {
        if (last == null) return null;
        String[] o = last.split("\\.");
        if (o.length != 4) return null;
        try {
            int a = Integer.parseInt(o[0]), b = Integer.parseInt(o[1]), c = Integer.parseInt(o[2]), d = Integer.parseInt(o[3]);
            if (c > 253) return null;
            if (d > 253) {
                c++;
                d = 1;
            } else {
                d++;
            }
            return a + "." + b + "." + c + "." + d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String sanitize(String id) {
        return id.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    static int intAttr(String v, int fallback) {
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
