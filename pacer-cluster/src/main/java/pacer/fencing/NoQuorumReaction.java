package pacer.fencing;

/**
 * What a node does with its resources when its partition loses quorum, decided by
 * {@link SelfFence#decide} from {@code no-quorum-policy}.
 */
public enum NoQuorumReaction {
    /** {@code stop} (the default): stop every resource in the partition. */
    STOP,
    /** {@code freeze}: keep what runs, start nothing new, recover nothing from outside the partition. */
    FREEZE,
    /** {@code ignore}: go on managing resources as if quorate. */
    IGNORE,
    /** {@code demote}: demote promoted instances of promotable clones, stop every other resource. */
    DEMOTE,
    /** {@code suicide} / {@code fence}: fence the nodes of the partition, this one included. */
    SELF_FENCE
}
