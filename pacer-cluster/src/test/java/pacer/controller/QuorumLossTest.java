package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.fencing.NoQuorumReaction;
import pacer.fencing.SelfFence;
import pacer.membership.Member;
import pacer.membership.Membership;

/** {@link QuorumLoss} alone: which view counts as a loss, and what each policy does. */
class QuorumLossTest {
    static final Member N1 = new Member("n1", 1);
    static final Member N2 = new Member("n2", 2);

    final List<String> stops = new CopyOnWriteArrayList<>();
    final List<String> selfFences = new CopyOnWriteArrayList<>();

    QuorumLoss loss(String policy) {
        Cib cib = CibParser.parse("""
                <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.9">
                  <configuration><crm_config><cluster_property_set id="opts">%s</cluster_property_set></crm_config>
                  <nodes/><resources/><constraints/></configuration><status/></cib>
                """.formatted(policy.isEmpty() ? "" : "<nvpair id=\"o\" name=\"no-quorum-policy\" value=\"" + policy + "\"/>"),
                "test");
        return new QuorumLoss(() -> cib, reason -> {
            stops.add(reason);
            return CompletableFuture.completedFuture(List.of());
        }, new SelfFence(() -> selfFences.add("n1")));
    }

    static Membership view(long id, boolean quorate) {
        return quorate ? new Membership(id, List.of(N1, N2), true, Optional.of(N1))
                : new Membership(id, List.of(N1), false, Optional.empty());
    }

    @Test @DisplayName("stop (default): only a loss after quorum was held stops the local resources, once per loss")
    void stopOnLossOnly() {
        QuorumLoss q = loss("");
        assertThat(q.membershipChanged(view(1, false))).as("starting alone is no loss").isEmpty();
        assertThat(q.membershipChanged(view(2, true))).isEmpty();
        assertThat(q.membershipChanged(view(3, false))).contains(NoQuorumReaction.STOP);
        assertThat(q.membershipChanged(view(4, false))).as("still without quorum: no second reaction").isEmpty();
        assertThat(stops).hasSize(1);
        q.membershipChanged(view(5, true));
        q.membershipChanged(view(6, false));
        assertThat(stops).hasSize(2);
        assertThat(selfFences).isEmpty();
    }

    @Test @DisplayName("freeze and ignore leave resources alone; suicide runs the self-fence once per loss")
    void otherPolicies() {
        for (String p : List.of("freeze", "ignore")) {
            QuorumLoss q = loss(p);
            q.membershipChanged(view(1, true));
            assertThat(q.membershipChanged(view(2, false))).isPresent();
        }
        assertThat(stops).isEmpty();

        QuorumLoss q = loss("suicide");
        q.membershipChanged(view(1, true));
        assertThat(q.membershipChanged(view(2, false))).contains(NoQuorumReaction.SELF_FENCE);
        q.membershipChanged(view(3, true));
        q.membershipChanged(view(4, false));
        assertThat(selfFences).hasSize(2);
        assertThat(stops).isEmpty();
    }
}
