package pacer.membership;

import java.util.Locale;
import java.util.Objects;

/**
 * A quorum device: the witness ({@code pacer qdevice}, Corosync-qnetd's job) that a third host runs
 * to give a cluster one more vote, Corosync's {@code quorum.device} section with model {@code net}.
 * The witness gives its vote to one partition at a time (algorithm {@code ffsplit}: the partition
 * with the most nodes; in a tie, the one that held the vote, then the tie-breaker), so that in a
 * two-node cluster exactly one node stays quorate when the nodes lose sight of each other.
 *
 * @param host the witness's host name or address, as the nodes reach it
 * @param port its TCP port ({@link #DEFAULT_PORT}, as corosync-qnetd)
 * @param tieBreaker {@code lowest}, {@code highest} or a node id: which partition wins a tie
 */
public record QuorumDevice(String host, int port, String tieBreaker) {
    public static final int DEFAULT_PORT = 5403;

    public QuorumDevice {
        Objects.requireNonNull(host, "host");
        tieBreaker = tieBreaker == null ? "lowest" : tieBreaker.toLowerCase(Locale.ROOT);
    }

    /** The witness at {@code host} on the default port, lowest node id breaking ties. */
    public static QuorumDevice at(String host) {
        return new QuorumDevice(host, DEFAULT_PORT, "lowest");
    }

    /** {@code host} or {@code host:port} as written in cluster.conf. */
    public String address() {
        return port == DEFAULT_PORT ? host : host + ":" + port;
    }

    /** The tie-breaker in corosync-qdevice-tool's words. */
    public String tieBreakerText() {
        return switch (tieBreaker) {
            case "lowest" -> "Node with lowest node ID";
            case "highest" -> "Node with highest node ID";
            default -> "Node with ID " + tieBreaker;
        };
    }
}
