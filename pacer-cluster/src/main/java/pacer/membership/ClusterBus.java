package pacer.membership;

import java.util.function.Consumer;

/**
 * What the rest of pacerd needs from the group-communication layer: the current membership,
 * reliable FIFO messages (per sender, as JGroups NAKACK2/UNICAST3 give them), and callbacks.
 *
 * <p>Callbacks run on the bus's delivery thread, one at a time, in delivery order; a listener must
 * not block (hand work to its own role thread). A message broadcast by a member is delivered to
 * every member of the view, the sender included, in the order that sender sent them.
 */
public interface ClusterBus extends AutoCloseable {
    /** This node. */
    Member self();

    /** The latest membership (never null once {@link #start} returned). */
    Membership membership();

    /** Joins the cluster. Returns once this node is in a view (alone or with others). */
    void start() throws Exception;

    /** Sends to every member of the current view, this node included. */
    void broadcast(byte[] payload);

    /**
     * Sends to one node: a member of the current view, or a node this node got a message from
     * since its last view change (a joiner answering the DC before its own view shows the DC);
     * dropped otherwise.
     */
    void send(Member to, byte[] payload);

    /** Registers the handler for messages: (sender, payload). */
    void onMessage(MessageHandler handler);

    /** Registers a listener called with every new membership. */
    void onMembership(Consumer<Membership> listener);

    /** The quorum device's state in one line ({@code pcs quorum device status}), if there is one. */
    default java.util.Optional<String> quorumDeviceState() {
        return java.util.Optional.empty();
    }

    /** The expected votes quorum is counted against now (the quorum device's included). */
    default int expectedVotes() {
        return 0;
    }

    /** Leaves the cluster cleanly. */
    @Override void close();

    /** Receives one message. */
    @FunctionalInterface
    interface MessageHandler {
        void receive(Member from, byte[] payload);
    }
}
