package pacer.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SelfFenceTest {
    @ParameterizedTest(name = "no-quorum-policy={0}, fencing-enabled={1} -> {2}")
    @CsvSource({
        "stop, true, STOP", "freeze, true, FREEZE", "ignore, true, IGNORE", "demote, true, DEMOTE",
        "suicide, true, SELF_FENCE", "fence, true, SELF_FENCE", "SUICIDE, true, SELF_FENCE",
        "suicide, false, STOP", "bogus, true, STOP", "'', true, STOP"})
    void decide(String policy, boolean fencing, NoQuorumReaction expected) {
        assertThat(SelfFence.decide(policy, fencing)).isEqualTo(expected);
    }

    @Test @DisplayName("The decision reads no-quorum-policy and fencing-enabled (stonith-enabled) from the CIB")
    void fromCib() {
        assertThat(SelfFence.decide(TestCibs.cib("", "").configuration())).isEqualTo(NoQuorumReaction.STOP);
        assertThat(SelfFence.decide(TestCibs.cib(TestCibs.option("no-quorum-policy", "suicide"), "", "", "")
                .configuration())).isEqualTo(NoQuorumReaction.SELF_FENCE);
        assertThat(SelfFence.decide(TestCibs.cib(TestCibs.option("no-quorum-policy", "suicide")
                + TestCibs.option("stonith-enabled", "false"), "", "", "").configuration())).isEqualTo(NoQuorumReaction.STOP);
    }

    @Test @DisplayName("The self-fence command runs once per quorum loss, and only for SELF_FENCE")
    void runsOnce() {
        AtomicInteger runs = new AtomicInteger();
        SelfFence selfFence = new SelfFence(runs::incrementAndGet);

        assertThat(selfFence.quorumLost(NoQuorumReaction.STOP)).isFalse();
        assertThat(selfFence.quorumLost(NoQuorumReaction.SELF_FENCE)).isTrue();
        assertThat(selfFence.quorumLost(NoQuorumReaction.SELF_FENCE)).isFalse();
        selfFence.quorumRegained();
        assertThat(selfFence.quorumLost(NoQuorumReaction.SELF_FENCE)).isTrue();
        assertThat(runs).hasValue(2);
    }
}
