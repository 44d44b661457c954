package pacer.membership;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.SERIALIZE;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;

/**
 * The JGroups protocol stack of a node, built from the cluster configuration; the list is the
 * table of contents of membership, bottom (the wire) first:
 *
 * <ol>
 *   <li>{@code TCP} bound to the node's address and port (no multicast, no diagnostics socket);
 *   <li>{@link ClusterKeyEncrypt} + {@code SERIALIZE}: every message, headers included, sealed
 *       with the cluster key (AES-GCM), so nothing above ever sees a message from a keyless node;
 *   <li>{@code TCPPING}: discovery from the static node list (Corosync's nodelist);
 *   <li>{@code MERGE3}: finds and merges partitions after a heal;
 *   <li>{@code FD_SOCK2}: a peer whose process died is suspected at once (its socket closes);
 *       it listens on the transport port + 100 (up to + 103);
 *   <li>{@code FD_ALL3}: a silent peer is suspected after {@code token} without a heartbeat;
 *   <li>{@code VERIFY_SUSPECT2}: asks the suspect once more before it is declared dead;
 *   <li>{@code NAKACK2}, {@code UNICAST3}, {@code STABLE}: reliable FIFO broadcast and unicast;
 *   <li>{@code GMS}: views, join, leave, merge; the first member of a view is the coordinator;
 *   <li>{@code FRAG4}: large messages.
 * </ol>
 *
 * <h2>Timing (token = T)</h2>
 * Heartbeats go out every T/10; a peer is suspected once no heartbeat has come for T, which the
 * heartbeat bitmap resolves to within one interval (0.9 T to 1.1 T after it fell silent, as its
 * last heartbeat left up to T/10 before). The verify step then gives it T/10 more to answer. So
 * a silent peer is declared dead T to 1.2 T after it fell silent (Corosync's "token" meaning,
 * without Corosync's extra consensus timeout), and a pause that ends before the verify deadline,
 * never earlier than T after it began, is not a death. A closed socket skips the heartbeat wait:
 * a killed process is out after the verify step alone. The finer the heartbeat interval, the
 * tighter the window; at T/10 heartbeats are still negligible traffic. Measured numbers:
 * {@code bench/membership-detection}.
 */
final class JGroupsStack {
    /** FD_SOCK2 listens on the transport port plus this offset (and up to 3 more ports). */
    static final int FD_SOCK_OFFSET = 100;
    static final int FD_SOCK_PORT_RANGE = 3;

    private JGroupsStack() { }

    /** Where TCPPING looks for the other members: every node of the node list. */
    static List<InetSocketAddress> initialHosts(ClusterConfig config) throws UnknownHostException {
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (ClusterConfig.Node n : config.nodes()) {
            hosts.add(new InetSocketAddress(InetAddress.getByName(n.address()), n.port()));
        }
        return hosts;
    }

    /** The protocols for {@code self}, bottom first, ready for {@code new JChannel(list)}. */
    static List<Protocol> protocols(ClusterConfig config, ClusterConfig.Node self, ClusterKey key)
            throws UnknownHostException {
        long token = config.token().toMillis();
        long interval = Math.max(10, token / 10);
        List<InetSocketAddress> hosts = initialHosts(config);

        TCP tcp = new TCP();
        tcp.setBindAddress(InetAddress.getByName(self.address()));
        tcp.setBindPort(self.port());
        tcp.setPortRange(0);
        tcp.setSockConnTimeout((int) Math.min(1000, Math.max(100, token / 2)));
        tcp.setValue("tcp_nodelay", true);

        TCPPING discovery = new TCPPING();
        discovery.setInitialHosts(hosts);
        discovery.setPortRange(0);

        MERGE3 merge = new MERGE3();
        merge.setMinInterval(token);
        merge.setMaxInterval(3 * token);
        merge.setCheckInterval(4 * token);

        FD_SOCK2 fdSock = new FD_SOCK2();
        fdSock.setOffset(FD_SOCK_OFFSET);
        fdSock.setPortRange(FD_SOCK_PORT_RANGE);

        FD_ALL3 heartbeat = new FD_ALL3();
        heartbeat.setTimeout(token);
        heartbeat.setInterval(interval);

        VERIFY_SUSPECT2 verify = new VERIFY_SUSPECT2();
        verify.setTimeout(interval);

        NAKACK2 nakack = new NAKACK2();
        nakack.setValue("use_mcast_xmit", false);

        STABLE stable = new STABLE();
        stable.setDesiredAverageGossip(Duration.ofSeconds(5).toMillis());
        stable.setMaxBytes(1_000_000);

        GMS gms = new GMS();
        gms.setJoinTimeout(token);
        gms.setLeaveTimeout(token);
        gms.setViewAckCollectionTimeout(token);
        gms.setMergeTimeout(2 * token);
        gms.setValue("print_local_addr", false);

        String keyHint = "the file " + config.keyFile();
        return new ArrayList<>(List.of(
                tcp,
                new ClusterKeyEncrypt(key, self.name(), keyHint),
                new SERIALIZE(),
                discovery,
                merge,
                fdSock,
                heartbeat,
                verify,
                nakack,
                new UNICAST3(),
                stable,
                gms,
                new FRAG4()));
    }
}
