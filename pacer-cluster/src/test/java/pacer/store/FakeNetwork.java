package pacer.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import pacer.membership.Member;
import pacer.membership.Membership;

/**
 * An in-memory network for {@link FakeClusterBus}es: a fixed node list (its order decides the DC:
 * the first member of a quorate partition), partitions and heal, votequorum-style quorum (more
 * than half of all configured nodes). Messages between two partitions are dropped; within one they
 * are queued to the receiver's delivery thread in send order, so per-sender FIFO holds.
 *
 * <p>Thread-safe: every change and every send takes this object's lock, so a view is queued to
 * every member before any message sent after it.
 */
final class FakeNetwork {
    private final List<String> nodes;
    private final Map<String, FakeClusterBus> live = new LinkedHashMap<>();
    private final Map<String, Integer> side = new HashMap<>();
    private final AtomicLong activity = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, Membership> heldViews = new HashMap<>();
    private final Set<String> holding = new HashSet<>();
    private boolean strictViews;
    private long viewId;

    FakeNetwork(String... nodes) {
        this.nodes = List.of(nodes);
    }

    FakeClusterBus bus(String name) {
        int index = nodes.indexOf(name);
        if (index < 0) throw new IllegalArgumentException(name + " is not one of " + nodes);
        return new FakeClusterBus(this, new Member(name, index + 1));
    }

    /** Cuts the live nodes into the given sides; a node named nowhere is alone. */
    @SafeVarargs
    final synchronized void partition(Set<String>... sides) {
        side.clear();
        for (int i = 0; i < sides.length; i++) {
            for (String n : sides[i]) side.put(n, i + 1);
        }
        int alone = sides.length + 1;
        for (String n : nodes) {
            if (!side.containsKey(n)) side.put(n, alone++);
        }
        announceViews();
    }

    synchronized void heal() {
        side.clear();
        announceViews();
    }

    /**
     * Holds back the views of {@code name}: messages still reach it, its views do not, until
     * {@link #releaseViews}. The join race: a joiner gets the DC's query before its own view.
     */
    synchronized void holdViews(String name) { holding.add(name); }

    /** Delivers the latest view held back from {@code name}, and its later ones as they come. */
    synchronized void releaseViews(String name) {
        holding.remove(name);
        Membership m = heldViews.remove(name);
        FakeClusterBus b = live.get(name);
        if (m != null && b != null) {
            activity.incrementAndGet();
            b.deliverView(m);
        }
    }

    /**
     * As the bus behaved before it learnt senders' addresses: a unicast to a node outside the
     * sender's current view is dropped (counted in {@link #dropped}).
     */
    synchronized void dropUnicastsOutsideView(boolean strict) { strictViews = strict; }

    /** Unicasts dropped by {@link #dropUnicastsOutsideView}. */
    long dropped() { return dropped.get(); }

    /** Increases with every message and view; unchanged across a check means nothing moved. */
    long activity() { return activity.get(); }

    synchronized List<FakeClusterBus> liveBuses() { return new ArrayList<>(live.values()); }

    synchronized Membership joined(FakeClusterBus bus) {
        live.put(bus.self().name(), bus);
        announceViews();
        return bus.membership();
    }

    synchronized void left(String name) {
        if (live.remove(name) != null) announceViews();
    }

    synchronized void send(Member from, Member to, byte[] payload) {
        FakeClusterBus dst = live.get(to.name());
        FakeClusterBus src = live.get(from.name());
        if (strictViews && src != null && (src.membership() == null || !src.membership().contains(to.name()))) {
            dropped.incrementAndGet();
            return;
        }
        if (dst != null && live.containsKey(from.name()) && sameSide(from.name(), to.name())) {
            activity.incrementAndGet();
            dst.deliver(from, payload);
        }
    }

    synchronized void broadcast(Member from, byte[] payload) {
        if (!live.containsKey(from.name())) return;
        for (FakeClusterBus dst : live.values()) {
            if (sameSide(from.name(), dst.self().name())) {
                activity.incrementAndGet();
                dst.deliver(from, payload);
            }
        }
    }

    private boolean sameSide(String a, String b) {
        return side.getOrDefault(a, 0).equals(side.getOrDefault(b, 0));
    }

    /**
     * Re-delivers every partition's view with the same viewId but the given quorum state (and the
     * DC that goes with it), as the membership layer does when wait_for_all is released.
     */
    synchronized void setQuorate(boolean quorate) {
        for (FakeClusterBus b : live.values()) {
            Membership m = b.membership();
            if (m == null) continue;
            activity.incrementAndGet();
            b.deliverView(new Membership(m.viewId(), m.members(), quorate,
                    quorate ? Optional.of(m.members().get(0)) : Optional.empty()));
        }
    }

    private void announceViews() {
        Map<Integer, List<Member>> groups = new LinkedHashMap<>();
        for (String n : nodes) {
            FakeClusterBus b = live.get(n);
            if (b != null) groups.computeIfAbsent(side.getOrDefault(n, 0), k -> new ArrayList<>()).add(b.self());
        }
        for (List<Member> members : groups.values()) {
            boolean quorate = members.size() * 2 > nodes.size();
            Membership m = new Membership(++viewId, members, quorate,
                    quorate ? Optional.of(members.get(0)) : Optional.empty());
            for (Member member : members) {
                if (holding.contains(member.name())) {
                    heldViews.put(member.name(), m);
                    continue;
                }
                activity.incrementAndGet();
                live.get(member.name()).deliverView(m);
            }
        }
    }
}
