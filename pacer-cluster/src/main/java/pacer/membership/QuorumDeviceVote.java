package pacer.membership;

import java.util.List;

/**
 * What the bus needs from a quorum device client ({@code pacer.qdevice.QdeviceClient}): it is
 * told every partition this node is in, and says whether the witness's vote counts for it now.
 * {@link #votesFor} and {@link #reachable} are called on the bus's delivery thread and must not
 * block; the client calls the {@code onChange} it was started with (from its own thread) whenever
 * its answer for the current partition may have changed.
 */
public interface QuorumDeviceVote extends AutoCloseable {
    /** Starts asking the witness; {@code onChange} is run when an answer arrives or a vote lapses. */
    void start(Runnable onChange);

    /** This node's partition is now {@code members} (names, in view order). */
    void partitionChanged(long viewId, List<String> members);

    /** Whether the witness's vote counts for a partition of exactly these members, now. */
    boolean votesFor(List<String> members);

    /** Whether the witness answered recently, so that waiting a moment for its answer makes sense. */
    boolean reachable();

    /** One line for status output: the witness, the connection, the vote. */
    String describe();

    @Override
    void close();
}
