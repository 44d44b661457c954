package pacer.membership;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Corosync votequorum, as a pure value: one vote per configured node, quorate with more than half
 * of the expected votes. No I/O, no clock, no threads; {@link JGroupsBus} feeds it views.
 *
 * <ul>
 *   <li><b>expected votes</b> come from the configuration ({@code expected_votes}, by default the
 *       number of nodes). As in votequorum, when more votes are present than expected, the votes
 *       present count as expected, so the threshold never falls below a majority of who is there.
 *   <li><b>two_node</b> (exactly 2 nodes, 2 expected votes): quorate with 1 vote. It implies
 *       wait_for_all unless that is set to 0 explicitly (the configuration resolves this).
 *   <li><b>wait_for_all</b>: after a cold start (a new {@code Quorum}) the node is not quorate
 *       until every configured node has been in one view with it at the same time
 *       ({@link #afterView}), or until a quorate peer that is not waiting says so
 *       ({@link #released}), which is how a restarted node rejoins a running cluster that is
 *       missing a node. The wait is never re-armed while the process lives.
 *   <li><b>quorum device</b>: a witness's vote counts when it has given it to this partition
 *       ({@link #isQuorate(Collection, boolean)}); the expected votes then include it.
 * </ul>
 *
 * @param nodes the configured node names; members not in this set have no vote
 * @param waitingForAll true while wait_for_all still holds this node back
 */
public record Quorum(Set<String> nodes, int expectedVotes, boolean twoNode, boolean waitForAll,
                     boolean waitingForAll) {

    public Quorum {
        nodes = Set.copyOf(nodes);
        if (expectedVotes < 1) {
            throw new IllegalArgumentException("expectedVotes must be at least 1, not " + expectedVotes);
        }
    }

    /** The state of a node that just started: waiting if wait_for_all is in effect. */
    public static Quorum coldStart(ClusterConfig config) {
        Objects.requireNonNull(config, "config");
        return coldStart(Set.copyOf(config.nodeNames()), config.expectedVotes(), config.twoNode(), config.waitForAll());
    }

    public static Quorum coldStart(Set<String> nodes, int expectedVotes, boolean twoNode, boolean waitForAll) {
        return new Quorum(nodes, expectedVotes, twoNode, waitForAll, waitForAll);
    }

    /** The state after a view with these members: the wait ends once every node is in one view. */
    public Quorum afterView(Collection<String> members) {
        return waitingForAll && members.containsAll(nodes) ? released() : this;
    }

    /** The wait ends: a quorate peer that has seen all nodes vouches for the cluster. */
    public Quorum released() {
        return waitingForAll ? new Quorum(nodes, expectedVotes, twoNode, waitForAll, false) : this;
    }

    /** Votes present among these members: one per configured node. */
    public int votes(Collection<String> members) {
        return (int) members.stream().distinct().filter(nodes::contains).count();
    }

    /** The votes needed for quorum with these members present. */
    public int quorumVotes(Collection<String> members) {
        if (twoNode && expectedVotes == 2) {
            return 1;
        }
        return Math.max(expectedVotes, votes(members)) / 2 + 1;
    }

    /** Whether a partition with these members is quorate, from this node's point of view. */
    public boolean isQuorate(Collection<String> members) {
        return isQuorate(members, false);
    }

    /** As above, with the quorum device's vote when {@code deviceVote}. */
    public boolean isQuorate(Collection<String> members, boolean deviceVote) {
        if (waitingForAll) {
            return false;
        }
        if (!deviceVote) {
            return votes(members) >= quorumVotes(members);
        }
        int votes = votes(members) + 1;
        return votes >= Math.max(expectedVotes, votes) / 2 + 1;
    }

    /**
     * Whether the device's vote decides this partition's quorum: without it the partition is
     * short of quorum, with it quorate. Only then does the bus wait for the witness's answer.
     */
    public boolean deviceDecides(Collection<String> members) {
        return !waitingForAll && !isQuorate(members, false) && isQuorate(members, true);
    }
}
