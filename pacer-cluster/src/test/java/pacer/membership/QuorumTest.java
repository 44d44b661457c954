package pacer.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * votequorum semantics as a table: a cluster, the views a node goes through since its cold start
 * ("|" separates views, names separated by spaces), and whether the last view is quorate.
 */
class QuorumTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // intent, nodes, expected votes, two_node, wait_for_all, views, quorate in the last one
                row("3 nodes, all present", 3, 3, false, false, "n1 n2 n3", true),
                row("3 nodes, 2 present: majority", 3, 3, false, false, "n1 n2", true),
                row("3 nodes, 1 present: minority", 3, 3, false, false, "n1", false),
                row("4 nodes, 2 present: exactly half is not more than half", 4, 4, false, false, "n1 n2", false),
                row("4 nodes, 3 present", 4, 4, false, false, "n1 n2 n3", true),
                row("5 nodes, 3 present", 5, 5, false, false, "n1 n2 n3", true),
                row("expected_votes 5 with 3 nodes: all 3 present is a majority of 5", 3, 5, false, false, "n1 n2 n3", true),
                row("expected_votes 5 with 3 nodes: 2 present is not", 3, 5, false, false, "n1 n2", false),
                row("expected_votes 1 with 3 nodes: one node alone is quorate", 3, 1, false, false, "n1", true),
                row("expected_votes 1 with 3 nodes: 3 present raise the expected votes to 3", 3, 1, false, false,
                        "n1 n2 n3", true),
                row("a node outside the configuration has no vote", 3, 3, false, false, "n1 x y", false),
                row("two_node: both present", 2, 2, true, true, "n1 n2", true),
                row("two_node: alone after a cold start waits for all", 2, 2, true, true, "n1", false),
                row("two_node: alone after both were seen keeps quorum", 2, 2, true, true, "n1 n2|n1", true),
                row("two_node with wait_for_all=0: alone after a cold start is quorate", 2, 2, true, false, "n1", true),
                row("2 nodes without two_node: 1 of 2 is not quorate", 2, 2, false, false, "n1 n2|n1", false),
                row("wait_for_all: 2 of 3 after a cold start wait", 3, 3, false, true, "n1 n2", false),
                row("wait_for_all: all 3 seen together, then 2 of 3", 3, 3, false, true, "n1 n2 n3|n1 n2", true),
                row("wait_for_all: each node seen, but never all together", 3, 3, false, true, "n1 n2|n1 n3|n1 n2", false),
                row("wait_for_all: released, then a minority", 3, 3, false, true, "n1 n2 n3|n1", false));
    }

    private static Arguments row(String intent, int nodes, int expected, boolean twoNode, boolean wfa,
                                 String views, boolean quorate) {
        return Arguments.of(intent, nodes, expected, twoNode, wfa, views, quorate);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void quorum(String intent, int nodes, int expected, boolean twoNode, boolean wfa, String views, boolean quorate) {
        Set<String> names = Set.copyOf(Stream.iterate(1, i -> i + 1).limit(nodes).map(i -> "n" + i).toList());
        Quorum q = Quorum.coldStart(names, expected, twoNode, wfa);
        List<String> members = List.of();
        for (String view : views.split("\\|")) {
            members = Arrays.asList(view.trim().split("\\s+"));
            q = q.afterView(members);
        }
        assertThat(q.isQuorate(members)).as(intent).isEqualTo(quorate);
    }

    @Test
    void aQuorateReleasedPeerEndsTheWaitOfARestartedNode() {
        Quorum restarted = Quorum.coldStart(Set.of("n1", "n2", "n3"), 3, false, true);
        assertThat(restarted.isQuorate(List.of("n1", "n2"))).isFalse();
        assertThat(restarted.released().isQuorate(List.of("n1", "n2"))).isTrue();
        assertThat(restarted.released().afterView(List.of("n1")).waitingForAll()).as("never re-armed").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quorumVotes")
    void quorumVotesAreAMajorityOfExpected(int expected, int needed) {
        Set<String> nodes = Set.copyOf(Stream.iterate(1, i -> i + 1).limit(expected).map(i -> "n" + i).toList());
        assertThat(Quorum.coldStart(nodes, expected, false, false).quorumVotes(List.of())).isEqualTo(needed);
    }

    static Stream<Arguments> quorumVotes() {
        return Stream.of(Arguments.of(1, 1), Arguments.of(2, 2), Arguments.of(3, 2), Arguments.of(4, 3),
                Arguments.of(5, 3), Arguments.of(6, 4), Arguments.of(7, 4));
    }
}
