package pacer.fencing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The fencing history: completed operations, oldest first, bounded in size (the oldest entries
 * are dropped first), as {@code stonith_admin --history} shows them.
 *
 * <p>Not thread-safe: it belongs to the fencer thread. Others read the immutable snapshots
 * {@link StonithFencer#history()} publishes.
 */
final class FenceHistory {
    private final int limit;
    private final Deque<FenceEvent> events = new ArrayDeque<>();

    FenceHistory(int limit) {
        if (limit < 1) throw new IllegalArgumentException("history limit must be at least 1, not " + limit);
        this.limit = limit;
    }

    void add(FenceEvent event) {
        events.addLast(event);
        while (events.size() > limit) events.removeFirst();
    }

    /** Forgets the events of {@code target}, or of every target when {@code target} is empty. */
    void clear(Optional<String> target) {
        if (target.isEmpty()) events.clear();
        else events.removeIf(e -> e.target().equals(target.get()));
    }

    List<FenceEvent> all() { return List.copyOf(events); }
}
