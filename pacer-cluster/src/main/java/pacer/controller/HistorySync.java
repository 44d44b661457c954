package pacer.controller;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.executor.ExecutorHistory;
import pacer.executor.ExecutorWire;
import pacer.executor.OperationReport;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.time.Timers;

/**
 * A DC's catch-up with the executors (Pacemaker's join refreshes each node's {@code lrm} state the
 * same way): every member, the first time this DC sees it, is asked for its operation history;
 * the DC records what its CIB lacks and does not schedule until every member answered and the
 * operations they were still running have reported. Without it a result sent to a DC that died
 * (or that the old DC received and never wrote) is lost, and the new DC starts the resource again.
 *
 * <p>A member that joins while this DC is the DC (a restarted node, the other half of a healed
 * split) is asked too, and its answer replaces its {@code lrm} state ({@link #takeRejoined}).
 *
 * <p>Never hangs: a member that does not answer is asked again every {@code timeout}, and after
 * {@link #ATTEMPTS} the DC goes on without it (logged). A member still running operations is asked
 * again every {@code timeout} until they are done, so a result that went to the dead DC instead of
 * this one (the member had not seen the new view yet) is found in its history.
 *
 * <p>Threading: confined to the controller's role thread; the timer posts to it.
 */
final class HistorySync {
    private static final Logger log = LoggerFactory.getLogger(HistorySync.class);
    static final int ATTEMPTS = 3;

    private final ControllerContext ctx;
    private final Duration timeout;
    private final Runnable changed;
    private final String query = UUID.randomUUID().toString();
    /** Members asked that have not answered, with the number of times asked. */
    private final Map<String, Integer> asked = new HashMap<>();
    /** Members that answered (or were given up on). */
    private final Set<String> done = new LinkedHashSet<>();
    /** Per member: the operations it was running when it answered, until each reports. */
    private final Map<String, Set<String>> running = new HashMap<>();
    private Membership membership;
    /** The members of the previous membership this DC saw; null before its first. */
    private Set<String> previous;
    /** Members that joined while this DC was the DC (a restart, or the other half of a split). */
    private final Set<String> rejoined = new java.util.HashSet<>();
    private Timers.Cancellable timer = () -> { };

    /** @param changed called when the wait may be over (the DC's loop is kicked) */
    HistorySync(ControllerContext ctx, Duration timeout, Runnable changed) {
        this.ctx = ctx;
        this.timeout = timeout;
        this.changed = changed;
    }

    /** Asks the members not asked yet; forgets those that left. */
    void membership(Membership m) {
        membership = m;
        Set<String> now = m.members().stream().map(Member::name).collect(Collectors.toSet());
        if (previous != null) {
            now.stream().filter(n -> !previous.contains(n)).forEach(rejoined::add);
        }
        rejoined.retainAll(now);
        previous = now;
        asked.keySet().removeIf(n -> !m.contains(n));
        done.removeIf(n -> !m.contains(n));
        running.keySet().removeIf(n -> !m.contains(n));
        for (Member member : m.members()) {
            if (!asked.containsKey(member.name()) && !done.contains(member.name())) ask(member.name());
        }
    }

    /** Whether {@code h} answers this DC's query (the caller then records its missing results). */
    boolean answered(ExecutorHistory h) {
        if (!h.query().equals(query) || asked.remove(h.node()) == null) return false;
        done.add(h.node());
        if (h.inFlight().isEmpty()) {
            running.remove(h.node());
        } else {
            running.put(h.node(), new LinkedHashSet<>(h.inFlight()));
            log.info("{} is still running {}, started by the previous DC: waiting for the results", h.node(), h.inFlight());
        }
        changed.run();
        return true;
    }

    /**
     * Whether {@code node} joined while this DC was the DC; asked once per join. Its history then
     * replaces what the CIB says of it, as Pacemaker's join erases a joining node's {@code lrm}:
     * what a node ran before it left (or before its pacerd restarted) is no longer known.
     */
    boolean takeRejoined(String node) {
        return rejoined.remove(node);
    }

    /** A result came in: that operation is no longer waited for. */
    void resultArrived(OperationReport r) {
        Set<String> ops = running.get(r.node());
        if (ops != null && ops.remove(r.key()) && ops.isEmpty()) running.remove(r.node());
    }

    /** Why the DC may not schedule yet, if it may not. */
    Optional<String> waitReason() {
        if (!asked.isEmpty()) {
            return Optional.of("waiting for the operation history of " + String.join(", ", asked.keySet()));
        }
        if (!running.isEmpty()) {
            return Optional.of("waiting for operations the previous DC started: " + running.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        return Optional.empty();
    }

    void stop() { timer.cancel(); }

    private void ask(String node) {
        Optional<Member> member = membership.members().stream().filter(m -> m.name().equals(node)).findFirst();
        if (member.isEmpty()) return;
        asked.merge(node, 1, Integer::sum);
        ctx.bus().send(member.get(), ExecutorWire.historyQuery(query));
        arm();
    }

    private void arm() {
        timer.cancel();
        timer = ctx.timers().schedule(timeout, () -> ctx.post(this::timedOut));
    }

    private void timedOut() {
        for (Map.Entry<String, Integer> e : Map.copyOf(asked).entrySet()) {
            if (e.getValue() < ATTEMPTS) {
                log.info("No operation history from {} yet; asking again", e.getKey());
                ask(e.getKey());
            } else {
                log.warn("{} did not send its operation history after {} requests; going on without it", e.getKey(),
                        ATTEMPTS);
                asked.remove(e.getKey());
                done.add(e.getKey());
            }
        }
        for (String node : Set.copyOf(running.keySet())) {
            done.remove(node);
            asked.remove(node);
            ask(node);
        }
        changed.run();
    }
}
