package pacer.fencing;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.BooleanValue;
import pacer.cib.ClusterOption;
import pacer.cib.Configuration;

/**
 * What a node does when its partition loses quorum, per {@code no-quorum-policy}, and the
 * self-fence itself for {@code suicide}.
 *
 * <p>{@link #decide} is a pure function: {@code stop} (the default, also for values it does not
 * know), {@code freeze}, {@code ignore}, {@code demote}, and {@code suicide} (or its newer name
 * {@code fence}) which needs fencing: with {@code fencing-enabled=false} it is treated as
 * {@code stop}, as Pacemaker resets it ("fencing is disabled").
 *
 * <p>An instance runs the configured self-fence command (injected: a fence agent aimed at this
 * node, a kernel reboot, or in tests a flag) when the controller reports a quorum loss whose
 * reaction is {@link NoQuorumReaction#SELF_FENCE}; once per loss, until quorum is regained.
 * Thread-safe; the command runs on the caller's thread.
 */
public final class SelfFence {
    private static final Logger log = LoggerFactory.getLogger(SelfFence.class);

    private final Runnable command;
    private final AtomicBoolean fired = new AtomicBoolean();

    /** @param command fences this node; it need not return */
    public SelfFence(Runnable command) { this.command = Objects.requireNonNull(command, "command"); }

    /** The reaction the configuration asks for. */
    public static NoQuorumReaction decide(Configuration config) {
        Map<String, String> options = AttributeValues.of(config.crmConfig());
        String policy = AttributeValues.option(options, ClusterOption.NO_QUORUM_POLICY)
                .orElse(ClusterOption.NO_QUORUM_POLICY.defaultValue());
        boolean fencing = AttributeValues.option(options, ClusterOption.FENCING_ENABLED)
                .map(v -> BooleanValue.parse(v, true)).orElse(true);
        return decide(policy, fencing);
    }

    /** The reaction for a {@code no-quorum-policy} value. */
    public static NoQuorumReaction decide(String policy, boolean fencingEnabled) {
        return switch (policy == null ? "" : policy.trim().toLowerCase(Locale.ROOT)) {
            case "freeze" -> NoQuorumReaction.FREEZE;
            case "ignore" -> NoQuorumReaction.IGNORE;
            case "demote" -> NoQuorumReaction.DEMOTE;
            case "suicide", "fence" -> fencingEnabled ? NoQuorumReaction.SELF_FENCE : NoQuorumReaction.STOP;
            default -> NoQuorumReaction.STOP;
        };
    }

    /**
     * Called when this node's partition loses quorum. Runs the self-fence command when the
     * reaction is {@link NoQuorumReaction#SELF_FENCE} and it has not run since quorum was last held.
     *
     * @return whether the command ran now
     */
    public boolean quorumLost(NoQuorumReaction reaction) {
        if (reaction != NoQuorumReaction.SELF_FENCE || !fired.compareAndSet(false, true)) return false;
        log.error("Quorum lost and no-quorum-policy is suicide: fencing this node");
        command.run();
        return true;
    }

    /** Called when quorum is held again; a later loss may self-fence again. */
    public void quorumRegained() { fired.set(false); }
}
