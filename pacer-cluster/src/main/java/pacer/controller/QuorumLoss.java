package pacer.controller;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.Cib;
import pacer.fencing.NoQuorumReaction;
import pacer.fencing.SelfFence;
import pacer.membership.Membership;

/**
 * What this node does, by itself, when its partition loses quorum ({@code no-quorum-policy}, as
 * {@link SelfFence#decide} reads it from the local CIB): a partition without quorum has no DC
 * (unless the policy is {@code ignore}), so nobody else will act for it.
 *
 * <ul>
 *   <li>{@link NoQuorumReaction#STOP} (the default) and {@link NoQuorumReaction#DEMOTE}: stop every
 *       resource this node runs through its own executor ({@link LocalStop}). Demote is treated as
 *       stop (stricter: promotable instances are stopped, not demoted).
 *   <li>{@link NoQuorumReaction#FREEZE}: nothing; what runs keeps running, and with no DC nothing
 *       is started or recovered.
 *   <li>{@link NoQuorumReaction#IGNORE}: nothing; the partition keeps a DC that schedules as if
 *       quorate ({@link DcRole}).
 *   <li>{@link NoQuorumReaction#SELF_FENCE}: run the injected {@link SelfFence} (once per loss).
 * </ul>
 *
 * <p>Only a <em>loss</em> counts: a view without quorum after one with quorum. A node that starts
 * alone (before the others joined) has never held quorum and runs nothing, so it does not react.
 * Regaining quorum re-arms the self-fence.
 *
 * <p>Threading: the controller's role thread only.
 */
final class QuorumLoss {
    private static final Logger log = LoggerFactory.getLogger(QuorumLoss.class);

    private final Supplier<Cib> cib;
    private final LocalStop localStop;
    private final SelfFence selfFence;
    /** Role thread only: whether the last view had quorum. */
    private boolean quorate;

    QuorumLoss(Supplier<Cib> cib, LocalStop localStop, SelfFence selfFence) {
        this.cib = cib;
        this.localStop = localStop;
        this.selfFence = selfFence;
    }

    /**
     * Called for every membership, before the role sees it.
     *
     * @return the reaction taken, if this view lost quorum
     */
    Optional<NoQuorumReaction> membershipChanged(Membership m) {
        boolean was = quorate;
        quorate = m.quorate();
        if (quorate) {
            if (!was) selfFence.quorumRegained();
            return Optional.empty();
        }
        if (!was) return Optional.empty();
        NoQuorumReaction reaction = SelfFence.decide(cib.get().configuration());
        log.warn("This partition ({} member(s)) lost quorum: no-quorum-policy reaction {}", m.members().size(), reaction);
        switch (reaction) {
            case STOP, DEMOTE -> localStop.stopAll("quorum lost, no-quorum-policy=" + reaction.name().toLowerCase())
                    .whenComplete((stopped, error) -> {
                        if (error != null) log.error("Stopping this node's resources after the quorum loss failed", error);
                        else log.info("Quorum lost: stopping {} resource(s) on this node", stopped.size());
                    });
            case SELF_FENCE -> selfFence.quorumLost(reaction);
            case FREEZE, IGNORE -> log.info("Quorum lost: resources keep running here ({})", reaction);
        }
        return Optional.of(reaction);
    }
}
