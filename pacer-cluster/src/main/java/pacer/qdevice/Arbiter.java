package pacer.qdevice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The witness's decision for one cluster, algorithm ffsplit: the vote goes to one partition at a
 * time; the partition with the most nodes wins, a tie goes to the partition that last held the
 * vote when it needed it (its quorum depended on it), then to the tie-breaker (the partition with the lowest node id, the highest, or a given one).
 * No vote without a live connection.
 *
 * <p>A request for partition P is answered
 * <ol>
 *   <li><b>no</b> while a node outside P may still hold a lease for another partition that the
 *       vote decides (a lone node of a two-node cluster): it has not reported a new partition and
 *       its lease, counted from when the witness granted it, has not run out;
 *   <li><b>wait</b> while another member of P, talking to the witness, reports a different
 *       partition (the request is old: held up in TCP while a link was down; or the members
 *       disagree for a moment), or a node outside P still talks to the witness but reports a
 *       partition overlapping P (it has not noticed the split yet and will report within a token);
 *   <li><b>no</b> when a disjoint partition reported by a connected node beats P;
 *   <li><b>yes</b> otherwise: P holds the vote.
 * </ol>
 *
 * <p>Pure: time is passed in as monotonic milliseconds; no I/O. Not thread-safe: {@link Qnetd}
 * calls it under its lock.
 */
final class Arbiter {
    /** An answer and why, for the node's log. */
    record Decision(Vote vote, String reason) { }

    private static final class NodeState {
        int nodeId;
        Set<String> partition = Set.of();
        long lastSeen = Long.MIN_VALUE;
        boolean connected;
        long connection;
        Set<String> granted = Set.of();
        long grantedAt = Long.MIN_VALUE;
        Vote lastVote;
    }

    private final String cluster;
    private final Map<String, NodeState> nodes = new TreeMap<>();
    private Set<String> holder = Set.of();
    private String tieBreaker = "lowest";

    Arbiter(String cluster) {
        this.cluster = cluster;
    }

    /** A node connected (or reconnected) on connection {@code connection}. */
    void connected(String node, int nodeId, long connection, long now) {
        NodeState n = nodes.computeIfAbsent(node, k -> new NodeState());
        n.nodeId = nodeId;
        n.connected = true;
        n.connection = connection;
        n.lastSeen = now;
    }

    /**
     * A node's connection closed: it is no competitor any more; its lease still runs out on its
     * own. An old connection that ends after the node reconnected changes nothing.
     */
    void disconnected(String node, long connection) {
        NodeState n = nodes.get(node);
        if (n != null && n.connection == connection) {
            n.connected = false;
        }
    }

    /**
     * Decides on {@code node}'s request for its partition.
     *
     * @param partition the partition's members with their node ids
     * @param expectedVotes the cluster's expected votes, the device's included
     */
    Decision request(String node, Map<String, Integer> partition, int expectedVotes, String tieBreaker,
                     QdeviceTiming timing, long now) {
        this.tieBreaker = tieBreaker;
        NodeState self = nodes.computeIfAbsent(node, k -> new NodeState());
        self.connected = true;
        self.lastSeen = now;
        Set<String> p = Set.copyOf(partition.keySet());
        self.partition = p;
        partition.forEach((name, id) -> nodes.computeIfAbsent(name, k -> new NodeState()).nodeId = id);
        Decision d = decide(node, p, expectedVotes, timing, now);
        if (d.vote() == Vote.YES) {
            self.granted = p;
            self.grantedAt = now;
            if (decides(p.size(), expectedVotes)) {
                holder = p; // the partition that last needed the vote keeps it in a tie
            }
        }
        self.lastVote = d.vote();
        return d;
    }

    private Decision decide(String node, Set<String> p, int expectedVotes, QdeviceTiming timing, long now) {
        long lease = timing.lease().toMillis();
        long silent = timing.silentAfter().toMillis();
        for (String m : p) {
            NodeState x = nodes.get(m);
            if (m.equals(node) || x == null || !x.connected || now - x.lastSeen >= silent) continue;
            if (!x.partition.isEmpty() && !x.partition.equals(p)) {
                // a member of P says it is elsewhere: this request is old (held up in TCP while a link
                // was down) or the members disagree for a moment; never decide on it
                return new Decision(Vote.WAIT, "node " + m + " reports partition " + names(x.partition) + ", not "
                        + names(p));
            }
        }
        for (Map.Entry<String, NodeState> e : nodes.entrySet()) {
            NodeState y = e.getValue();
            if (p.contains(e.getKey()) || y.granted.isEmpty() || y.granted.equals(p)) continue;
            boolean stillThere = y.partition.equals(y.granted) && now - y.grantedAt < lease;
            if (stillThere && decides(y.granted.size(), expectedVotes)) {
                return new Decision(Vote.NO, "node " + e.getKey() + " may still hold the vote for partition "
                        + names(y.granted) + " for up to " + (lease - (now - y.grantedAt)) + " ms");
            }
        }
        List<Set<String>> rivals = new ArrayList<>();
        for (Map.Entry<String, NodeState> e : nodes.entrySet()) {
            NodeState z = e.getValue();
            if (p.contains(e.getKey()) || !z.connected || now - z.lastSeen >= silent) continue;
            if (!Collections.disjoint(z.partition, p)) {
                return new Decision(Vote.WAIT, "node " + e.getKey() + " still reports partition " + names(z.partition));
            }
            if (!rivals.contains(z.partition)) rivals.add(z.partition);
        }
        for (Set<String> q : rivals) {
            if (beats(q, p)) {
                return new Decision(Vote.NO, "partition " + names(q) + " wins the tie (" + why(q, p) + ")");
            }
        }
        return new Decision(Vote.YES, rivals.isEmpty() ? "no other partition reaches the witness"
                : "partition " + names(p) + " beats " + rivals.stream().map(Arbiter::names).toList());
    }

    /** Whether the device's vote decides the quorum of a partition of {@code size} nodes. */
    static boolean decides(int size, int expectedVotes) {
        int quorum = expectedVotes / 2 + 1;
        return size < quorum && size + 1 >= quorum;
    }

    private boolean beats(Set<String> q, Set<String> p) {
        if (q.size() != p.size()) return q.size() > p.size();
        boolean qHeld = !Collections.disjoint(q, holder);
        boolean pHeld = !Collections.disjoint(p, holder);
        if (qHeld != pHeld) return qHeld;
        return switch (tieBreaker) {
            case "lowest" -> minId(q) < minId(p);
            case "highest" -> maxId(q) > maxId(p);
            default -> ids(q).contains(Integer.parseInt(tieBreaker));
        };
    }

    private String why(Set<String> q, Set<String> p) {
        if (q.size() != p.size()) return "more nodes";
        boolean qHeld = !Collections.disjoint(q, holder);
        boolean pHeld = !Collections.disjoint(p, holder);
        if (qHeld != pHeld) return "it held the vote";
        return "tie-breaker " + tieBreaker;
    }

    private List<Integer> ids(Set<String> s) {
        return s.stream().map(n -> nodes.containsKey(n) ? nodes.get(n).nodeId : Integer.MAX_VALUE).toList();
    }

    private int minId(Set<String> s) {
        return ids(s).stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
    }

    private int maxId(Set<String> s) {
        return ids(s).stream().mapToInt(Integer::intValue).max().orElse(Integer.MIN_VALUE);
    }

    private static String names(Set<String> s) {
        return "[" + String.join(" ", new java.util.TreeSet<>(s)) + "]";
    }

    // ---- for the status query ----

    String cluster() {
        return cluster;
    }

    /** One line per known node: id, connected, partition, last answer; and who holds the vote. */
    List<String> describe(long now) {
        List<String> out = new ArrayList<>();
        out.add("Cluster \"" + cluster + "\":");
        out.add("    Algorithm:          Fifty-Fifty split");
        out.add("    Tie-breaker:        " + switch (tieBreaker) {
            case "lowest" -> "Node with lowest node ID";
            case "highest" -> "Node with highest node ID";
            default -> "Node with ID " + tieBreaker;
        });
        out.add("    Vote holder:        " + (holder.isEmpty() ? "none" : names(holder)));
        nodes.forEach((name, n) -> {
            if (n.lastVote == null && !n.connected) return;
            out.add("    Node ID " + n.nodeId + " (" + name + "):");
            out.add("        Connected:              " + (n.connected ? "yes, last heard " + (now - n.lastSeen) + " ms ago" : "no"));
            out.add("        Membership node list:   " + n.partition.stream().map(m -> String.valueOf(
                    nodes.containsKey(m) ? nodes.get(m).nodeId : 0)).sorted().reduce((a, b) -> a + ", " + b).orElse(""));
            out.add("        Vote:                   " + (n.lastVote == Vote.YES ? "ACK" : n.lastVote == Vote.NO ? "NACK"
                    : n.lastVote == Vote.WAIT ? "Wait for reply" : "No change"));
        });
        return out;
    }

    long connectedNodes() {
        return nodes.values().stream().filter(n -> n.connected).count();
    }
}
