package pacer.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MembershipLogTest {
    private static final Member N1 = new Member("n1", 1);
    private static final Member N2 = new Member("n2", 2);
    private static final Member N3 = new Member("n3", 3);

    private static Membership view(long id, boolean quorate, List<Member> members) {
        return new Membership(id, members, quorate, quorate ? Optional.of(members.get(0)) : Optional.empty());
    }

    @Test
    void firstViewAlone() {
        assertThat(MembershipLog.changes(Optional.empty(), view(0, false, List.of(N1)), false))
                .containsExactly("Members[1]: n1", "Partition has no quorum");
    }

    @Test
    void aNodeJoinsAndQuorumIsAcquired() {
        assertThat(MembershipLog.changes(Optional.of(view(0, false, List.of(N1))), view(1, true, List.of(N1, N2)), false))
                .containsExactly("Members[2]: n1 n2", "Members joined: n2", "Node n2 state is now member",
                        "Quorum acquired", "Set DC to n1");
    }

    @Test
    void theDcIsLostWithQuorum() {
        assertThat(MembershipLog.changes(Optional.of(view(4, true, List.of(N1, N2, N3))), view(5, false, List.of(N3)), false))
                .containsExactly("Members[1]: n3", "Members left: n1 n2", "Node n1 state is now lost",
                        "Node n2 state is now lost", "Quorum lost", "Unset DC (was n1)");
    }

    @Test
    void aMergeSaysSo() {
        assertThat(MembershipLog.changes(Optional.of(view(3, false, List.of(N1))), view(7, true, List.of(N2, N3, N1)), true))
                .containsExactly("Partitions merged; members[3]: n2 n3 n1", "Members joined: n2 n3",
                        "Node n2 state is now member", "Node n3 state is now member", "Quorum acquired", "Set DC to n2");
    }

    @Test
    void aQuorumOnlyChangeKeepsTheView() {
        assertThat(MembershipLog.changes(Optional.of(view(5, false, List.of(N2, N1))), view(5, true, List.of(N2, N1)), false))
                .containsExactly("Quorum acquired", "Set DC to n2");
    }
}
