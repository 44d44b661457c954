package pacer.membership;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jgroups.Address;
import org.jgroups.View;
import org.jgroups.util.ExtendedUUID;

/**
 * Where each node is on JGroups: its address in the installed view, or, for a node that is not in
 * this node's view yet, the address its latest message came from. The second half closes the join
 * race: a joiner can get the DC's question before it installs the view that holds the DC, and
 * its answer must still reach the DC. Senders are forgotten at every view change, so a node that
 * left is not written to on the strength of an old message.
 *
 * <p>Addresses carry the node name and id ({@link #NODE_NAME_KEY}, {@link #NODE_ID_KEY}), so any
 * member maps an address to its {@link Member} without a lookup ({@link #memberOf}).
 *
 * <p>Threading: {@link #viewInstalled} and {@link #heardFrom} are called on the bus's delivery
 * thread; {@link #lookup} from any thread (a volatile view map and a concurrent sender map).
 */
final class AddressBook {
    static final String NODE_NAME_KEY = "pacer.node";
    static final String NODE_ID_KEY = "pacer.nodeid";

    private volatile Map<String, Address> inView = Map.of();
    private final Map<String, Address> senders = new ConcurrentHashMap<>();

    /** A new view: its members' addresses replace the old ones, and senders are forgotten. */
    void viewInstalled(View v) {
        inView = v.getMembers().stream().collect(Collectors.toUnmodifiableMap(a -> memberOf(a).name(), a -> a,
                (a, b) -> b));
        senders.clear();
    }

    /** A message came from {@code src}: remembered if the sender is not in the view. */
    void heardFrom(Address src) {
        String name = memberOf(src).name();
        if (!src.equals(inView.get(name))) senders.put(name, src);
    }

    /** The address to send to node {@code name}, if it is in the view or wrote since the last view. */
    Optional<Address> lookup(String name) {
        Address a = inView.get(name);
        return Optional.ofNullable(a != null ? a : senders.get(name));
    }

    /** Whether {@code name} is known only as a sender (not in the installed view). */
    boolean onlySender(String name) { return !inView.containsKey(name) && senders.containsKey(name); }

    /** An address stamped with the node's name and id. */
    static ExtendedUUID stamped(Member self) {
        return ExtendedUUID.randomUUID(self.name())
                .put(NODE_NAME_KEY, self.name().getBytes(StandardCharsets.UTF_8))
                .put(NODE_ID_KEY, Integer.toString(self.nodeId()).getBytes(StandardCharsets.US_ASCII));
    }

    static Member memberOf(Address a) {
        if (a instanceof ExtendedUUID) {
            ExtendedUUID stamped = (ExtendedUUID) a;
            byte[] name = stamped.get(NODE_NAME_KEY);
            byte[] id = stamped.get(NODE_ID_KEY);
            if (name != null && id != null) {
                try {
                    return new Member(new String(name, StandardCharsets.UTF_8),
                            Integer.parseInt(new String(id, StandardCharsets.US_ASCII)));
                } catch (NumberFormatException e) {
                    // not stamped by a Pacer node: fall through
                }
            }
        }
        return new Member(String.valueOf(a), 0);
    }
}
