package pacer.store;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.CibVersion;
import pacer.membership.ClusterBus;
import pacer.membership.Member;
import pacer.time.Timers;

/**
 * The DC's collection of CIB versions after a membership change: ask every member of the view,
 * collect one answer each, choose the winner, and fetch its copy if it is not the DC's own.
 *
 * <p><b>Winner.</b> The highest version among trusted copies, as in Pacemaker; an untrusted copy
 * (set aside as corrupt, or missing) wins only when no member has a trusted one. On a tie the
 * DC's own copy wins, then the earlier member of the view, so no copy travels needlessly.
 *
 * <p><b>Never hangs.</b> A question or answer can be lost without a view change (a joiner that
 * gets the query before its own view was the case seen). Every {@code timeout} without progress
 * the DC asks again the members that have not answered (or fetches the winner's copy again); after
 * {@link #ATTEMPTS} timeouts it goes on with the answers it has and logs who did not answer (a
 * winner whose copy never comes is dropped and the next best chosen). A member that did not answer
 * still takes the chosen copy from the {@code Adopt} broadcast.
 *
 * <p>Threading: confined to the CIB thread; the timer only posts to it (through {@code cibThread}).
 */
final class SyncRound {
    private static final Logger log = LoggerFactory.getLogger(SyncRound.class);
    /** Timeouts before the DC goes on without the missing answers (or copy). */
    static final int ATTEMPTS = 3;

    record Answer(Member member, CibVersion version, boolean trusted) {}

    private final String id;
    private final List<Member> members;
    private final Member dc;
    private final ClusterBus bus;
    private final Timers timers;
    private final Duration timeout;
    private final Consumer<Runnable> cibThread;
    private final Consumer<Answer> chosen;
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private Answer fetching;
    private int attempts;
    private boolean finished;
    private Timers.Cancellable timer = () -> { };

    /**
     * @param chosen called once the winner is known and, unless it is the DC itself, after
     *     {@link #copied} accepted its copy; the round is finished then
     */
    SyncRound(String id, List<Member> members, Member dc, ClusterBus bus, Timers timers, Duration timeout,
              Consumer<Runnable> cibThread, Consumer<Answer> chosen) {
        this.id = id;
        this.members = List.copyOf(members);
        this.dc = dc;
        this.bus = bus;
        this.timers = timers;
        this.timeout = timeout;
        this.cibThread = cibThread;
        this.chosen = chosen;
    }

    String id() { return id; }

    /** Asks every member (the DC's own answer is recorded at once). */
    void start(CibVersion own, boolean ownTrusted) {
        bus.broadcast(CibMessage.encode(new CibMessage.Query(id)));
        arm();
        record(dc, own, ownTrusted);
    }

    /** Records an answer; ignores one from outside the view, or after the answers are in. */
    void record(Member from, CibVersion version, boolean trusted) {
        if (finished || fetching != null || indexOf(from) < 0) return;
        answers.put(from.name(), new Answer(from, version, trusted));
        if (answers.size() == members.size()) decide();
    }

    /** Whether {@code from}'s copy is the one this round waits for; if so the round is finished. */
    boolean copied(Member from) {
        if (finished || fetching == null || !fetching.member().name().equals(from.name())) return false;
        finish();
        return true;
    }

    boolean finished() { return finished; }

    /** Stops the timer; the round does nothing more. */
    void cancel() {
        finished = true;
        timer.cancel();
    }

    List<Answer> answers() { return List.copyOf(answers.values()); }

    /** The members that have not answered. */
    List<Member> missing() {
        return members.stream().filter(m -> !answers.containsKey(m.name())).toList();
    }

    /** The copy everyone takes, among the answers so far (the DC's own is always there). */
    Answer winner() {
        boolean anyTrusted = answers.values().stream().anyMatch(Answer::trusted);
        Comparator<Answer> order = Comparator.comparing(Answer::version)
                .thenComparing(a -> a.member().name().equals(dc.name()))
                .thenComparing(a -> -indexOf(a.member()));
        Optional<Answer> best = answers.values().stream().filter(a -> a.trusted() || !anyTrusted).max(order);
        return best.orElseThrow(() -> new IllegalStateException("round " + id + " has no answers"));
    }

    private void decide() {
        Answer w = winner();
        if (w.member().name().equals(dc.name())) {
            finish();
        } else {
            fetching = w;
            attempts = 0;
            bus.send(w.member(), CibMessage.encode(new CibMessage.Fetch(id)));
            arm();
        }
    }

    private void finish() {
        Answer w = fetching != null ? fetching : winner();
        cancel();
        chosen.accept(w);
    }

    private void arm() {
        timer.cancel();
        timer = timers.schedule(timeout, () -> cibThread.accept(this::timedOut));
    }

    private void timedOut() {
        if (finished) return;
        attempts++;
        if (fetching != null) {
            if (attempts < ATTEMPTS) {
                log.info("Round {}: no copy from {} yet; asking again", id, fetching.member());
                bus.send(fetching.member(), CibMessage.encode(new CibMessage.Fetch(id)));
                arm();
            } else {
                log.warn("Round {}: {} did not send its copy {} after {} requests; going on without it", id,
                        fetching.member(), fetching.version(), ATTEMPTS);
                answers.remove(fetching.member().name());
                fetching = null;
                decide();
            }
            return;
        }
        String missing = missing().stream().map(Member::name).collect(Collectors.joining(", "));
        if (attempts < ATTEMPTS) {
            log.info("Round {}: no CIB version yet from {}; asking again", id, missing);
            for (Member m : missing()) bus.send(m, CibMessage.encode(new CibMessage.Query(id)));
            arm();
        } else {
            log.warn("Round {}: {} did not answer after {} requests; going on with the versions of {}", id, missing,
                    ATTEMPTS, answers.keySet().stream().collect(Collectors.joining(", ")));
            decide();
        }
    }

    private int indexOf(Member m) {
        for (int i = 0; i < members.size(); i++) if (members.get(i).name().equals(m.name())) return i;
        return -1;
    }
}
