package pacer.qdevice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ffsplit decisions, on virtual time: token 1000 ms, so heartbeat 250, silent after 625, lease 2000. */
class ArbiterTest {
    private static final QdeviceTiming TIMING = QdeviceTiming.forToken(Duration.ofMillis(1000));
    private static final Map<String, Integer> IDS = Map.of("n1", 1, "n2", 2, "n3", 3, "n4", 4);
    private final Arbiter arbiter = new Arbiter("web");

    private Vote ask(String node, long now, String... members) {
        return askTie(node, now, "lowest", members);
    }

    private Vote askTie(String node, long now, String tie, String... members) {
        Map<String, Integer> p = new LinkedHashMap<>();
        for (String m : members) p.put(m, IDS.get(m));
        int expected = 3;
        return arbiter.request(node, p, expected, tie, TIMING, now).vote();
    }

    @Test
    void theWholeClusterGetsTheVote() {
        assertThat(ask("n1", 0, "n1", "n2")).isEqualTo(Vote.YES);
        assertThat(ask("n2", 10, "n1", "n2")).isEqualTo(Vote.YES);
    }

    @Test
    void aNodeWhoseLinkWentDownIsNoRival_theOtherGetsTheVoteAtOnce() {
        ask("n1", 0, "n1", "n2");
        ask("n2", 0, "n1", "n2");
        // n2's link goes down at 100: it says nothing more; n1 notices at 1200
        ask("n1", 250, "n1", "n2");
        assertThat(ask("n1", 1200, "n1")).isEqualTo(Vote.YES);
    }

    @Test
    void aSplitWhereBothReachTheWitness_theNodeThatHasNotNoticedMakesTheOtherWait_thenTheLowestIdWins() {
        ask("n1", 0, "n1", "n2");
        ask("n2", 0, "n1", "n2");
        ask("n2", 800, "n1", "n2"); // n2 asks every 250 ms
        assertThat(ask("n1", 1000, "n1")).isEqualTo(Vote.WAIT); // n2 still reports [n1 n2]
        assertThat(ask("n2", 1050, "n2")).isEqualTo(Vote.NO);   // n1's partition wins the tie
        assertThat(ask("n1", 1100, "n1")).isEqualTo(Vote.YES);
        assertThat(ask("n2", 1300, "n2")).isEqualTo(Vote.NO);
    }

    @Test
    void tieBreakerHighestGivesItToTheHigherId() {
        askTie("n1", 0, "highest", "n1", "n2");
        askTie("n2", 0, "highest", "n1", "n2");
        askTie("n1", 900, "highest", "n1", "n2");
        assertThat(askTie("n2", 1000, "highest", "n2")).isEqualTo(Vote.WAIT);
        assertThat(askTie("n1", 1010, "highest", "n1")).isEqualTo(Vote.NO);
        assertThat(askTie("n2", 1020, "highest", "n2")).isEqualTo(Vote.YES);
    }

    @Test
    void aLoneNodeHoldingTheVoteKeepsIt_untilItsLeaseRunsOut() {
        assertThat(ask("n2", 0, "n2")).isEqualTo(Vote.YES);      // n1 is down: n2 alone holds it
        assertThat(ask("n2", 250, "n2")).isEqualTo(Vote.YES);
        // n1 starts cut off from n2 but reaches the witness: n2 still holds the vote and asks on
        assertThat(ask("n1", 300, "n1")).isEqualTo(Vote.NO);
        assertThat(ask("n2", 500, "n2")).isEqualTo(Vote.YES);
        // n2 falls silent (its last grant at 500); n1 must wait for n2's lease to end (500 + 2000)
        assertThat(ask("n1", 1500, "n1")).isEqualTo(Vote.NO);
        assertThat(ask("n1", 2499, "n1")).isEqualTo(Vote.NO);
        assertThat(ask("n1", 2500, "n1")).isEqualTo(Vote.YES);
    }

    @Test
    void theHolderKeepsTheVoteInATie_evenAgainstTheTieBreaker() {
        assertThat(ask("n2", 0, "n2")).isEqualTo(Vote.YES);
        ask("n2", 200, "n2");
        // n1 (the lower id) appears on its own; n2 holds and still talks to the witness
        assertThat(ask("n1", 210, "n1")).isEqualTo(Vote.NO);
        arbiter.disconnected("n2", 0); // n2's connection closes: its lease still runs until 2200
        assertThat(ask("n1", 1000, "n1")).isEqualTo(Vote.NO);
        assertThat(ask("n1", 2300, "n1")).isEqualTo(Vote.YES);
    }

    @Test
    void aPartitionThatMovedOnReleasesItsVoteAtOnce() {
        assertThat(ask("n2", 0, "n2")).isEqualTo(Vote.YES);
        // n1 joins n2: n2 now reports [n1 n2], so its vote for [n2] counts no more
        assertThat(ask("n2", 100, "n1", "n2")).isEqualTo(Vote.YES);
        assertThat(ask("n1", 110, "n1", "n2")).isEqualTo(Vote.YES);
    }

    @Test
    void moreNodesWinInAFourNodeCluster() {
        Map<String, Integer> big = new LinkedHashMap<>(Map.of("n1", 1, "n2", 2, "n3", 3));
        Map<String, Integer> small = Map.of("n4", 4);
        arbiter.request("n4", small, 5, "lowest", TIMING, 0);
        arbiter.request("n1", big, 5, "lowest", TIMING, 0);
        assertThat(arbiter.request("n4", small, 5, "lowest", TIMING, 10).vote()).isEqualTo(Vote.NO);
        assertThat(arbiter.request("n2", big, 5, "lowest", TIMING, 20).vote()).isEqualTo(Vote.YES);
    }

    /**
     * Random two-node histories (views, silences, disconnections, requests at random moments): the
     * vote never counts for two disjoint partitions at the same moment, where a node counts a vote
     * from the time it sent the winning request until that time plus the lease, and only while its
     * partition is the one it was given for and has not changed since (as {@link QdeviceClient} does).
     */
    @Test
    void neverTwoDisjointPartitionsHoldingTheVote_inRandomHistories() {
        for (long seed = 1; seed <= 400; seed++) {
            Random r = new Random(seed);
            Arbiter a = new Arbiter("web");
            Map<String, Set<String>> view = new HashMap<>(Map.of("n1", Set.of("n1", "n2"), "n2", Set.of("n1", "n2")));
            Map<String, long[]> held = new HashMap<>(); // node -> {sentAt, expiresAt}
            Map<String, Set<String>> heldFor = new HashMap<>();
            List<String> nodes = List.of("n1", "n2");
            long now = 0;
            for (int step = 0; step < 200; step++) {
                now += r.nextInt(400);
                String n = nodes.get(r.nextInt(2));
                switch (r.nextInt(5)) {
                    case 0 -> {
                        // a new view: the client's earlier vote never counts again (a new epoch)
                        view.put(n, r.nextBoolean() ? Set.of(n) : Set.of("n1", "n2"));
                        held.remove(n);
                    }
                    case 1 -> a.disconnected(n, 0);
                    default -> {
                        long sent = now;
                        long arrives = now + r.nextInt(50);
                        Map<String, Integer> p = new LinkedHashMap<>();
                        view.get(n).stream().sorted().forEach(m -> p.put(m, IDS.get(m)));
                        Vote v = a.request(n, p, 3, "lowest", TIMING, arrives).vote();
                        if (v == Vote.YES) {
                            held.put(n, new long[] {sent, sent + TIMING.lease().toMillis()});
                            heldFor.put(n, view.get(n));
                        } else if (v == Vote.NO) {
                            held.remove(n);
                        }
                        now = arrives;
                    }
                }
                // a vote counts for a node only for its current partition, while its lease runs
                List<Set<String>> counting = new ArrayList<>();
                for (String m : nodes) {
                    long[] h = held.get(m);
                    if (h != null && now < h[1] && heldFor.get(m).equals(view.get(m)) && view.get(m).size() == 1) {
                        counting.add(view.get(m));
                    }
                }
                assertThat(counting.size() < 2 || counting.get(0).equals(counting.get(1)))
                        .as("seed %d step %d: the vote counts for %s at once", seed, step, counting).isTrue();
            }
        }
    }

    @Test
    void anOldConnectionEndingAfterAReconnectLeavesTheNodeConnected() {
        arbiter.connected("n2", 2, 1, 0);
        ask("n2", 0, "n1", "n2");
        arbiter.connected("n2", 2, 2, 100); // reconnected; the first connection's reader ends later
        arbiter.disconnected("n2", 1);
        ask("n2", 200, "n1", "n2");
        assertThat(ask("n1", 300, "n1")).as("n2 still talks to the witness and has not seen the split").isEqualTo(Vote.WAIT);
        arbiter.disconnected("n2", 2);
        assertThat(ask("n1", 310, "n1")).isEqualTo(Vote.YES);
    }

    /**
     * Seen in the lab: n1's link was down while n2 held the vote alone; when the link returned,
     * n1's requests queued in TCP arrived in a burst, the first for the old partition [n1 n2]. That
     * old request must not be granted (n2 reports [n2]), nor move the tie to n1's side.
     */
    @Test
    void oldRequestsArrivingInABurstAfterALinkReturnsChangeNothing() {
        ask("n1", 0, "n1", "n2");
        ask("n2", 0, "n1", "n2");
        assertThat(ask("n2", 1200, "n2")).isEqualTo(Vote.YES); // n1's link is down
        for (long t = 1450; t < 3000; t += 250) assertThat(ask("n2", t, "n2")).isEqualTo(Vote.YES);
        // the link is back at 3000: n1's queued requests arrive, the old one first
        assertThat(ask("n1", 3000, "n1", "n2")).as("n2 reports [n2]: an old request").isEqualTo(Vote.WAIT);
        assertThat(ask("n1", 3001, "n1")).as("n2 holds the vote alone").isEqualTo(Vote.NO);
        assertThat(ask("n2", 3200, "n2")).as("n2 keeps it: it held it when it needed it").isEqualTo(Vote.YES);
        assertThat(ask("n1", 3250, "n1")).isEqualTo(Vote.NO);
        // the halves merge
        ask("n1", 4900, "n1");
        assertThat(ask("n2", 5000, "n1", "n2")).as("n1 still reports [n1] for a moment").isEqualTo(Vote.WAIT);
        assertThat(ask("n1", 5010, "n1", "n2")).isEqualTo(Vote.YES);
        assertThat(ask("n2", 5020, "n1", "n2")).isEqualTo(Vote.YES);
    }
}
