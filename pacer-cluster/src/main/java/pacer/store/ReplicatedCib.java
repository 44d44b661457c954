package pacer.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.AttributeSet;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.CibVersion;
import pacer.cib.ClusterOption;
import pacer.cib.xml.XmlElement;
import pacer.membership.ClusterBus;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.time.Timers;

/**
 * The CIB replicated over the {@link ClusterBus}: Pacemaker's CIB daemon protocol, reduced.
 *
 * <ul>
 *   <li><b>Reads</b> are local: {@link #read()} is this node's copy.
 *   <li><b>Writes</b> go through the DC. A member sends a {@link CibMessage.Request} to the DC and
 *       gets a {@link CibMessage.Reply}; the DC applies the write to its {@link CibStore} (which
 *       versions and persists it) and broadcasts the new CIB ({@link CibMessage.Update}, the whole
 *       CIB for now, not a diff) before replying, so updates reach everyone in version order.
 *       Members take updates with a higher version. A write's future completes once this node's
 *       own copy has reached the version the DC gave it (read-your-writes).
 *   <li><b>Membership changes</b>: the DC of the new view asks every member for its version
 *       ({@link CibMessage.Query}); the highest trusted version wins ({@link SyncRound}), the DC
 *       fetches that copy if it is not its own and broadcasts it ({@link CibMessage.Adopt}); every
 *       node that held something else logs what it discards. Writes that arrive meanwhile wait at
 *       the DC and are applied after. Then the DC makes {@code node_state} follow the membership
 *       ({@link NodeStateWrite}). A member answers a query even before its own view shows the DC
 *       (a joiner may get the query first: the bus replies to a message's sender), and a collection
 *       never hangs: the DC asks again after {@code answerTimeout} and, after a few tries, goes on
 *       with the answers it has, logging who did not answer.
 *   <li><b>Quorum</b>: without quorum the DC refuses writes, unless {@code no-quorum-policy=ignore}
 *       in {@code crm_config}; the DC's own {@code node_state} update is skipped too, so that a
 *       minority partition's copy never moves and cannot win a later merge.
 * </ul>
 *
 * <p>The DC is {@link Membership#dc()}, or, in a partition that has none (no quorum), the first
 * member of the view: it still coordinates reads and merges, and refuses writes as above. Every
 * new {@link Membership} (a new view, or the same view with a new quorum state or DC) starts a new
 * version collection; it is cheap (one small message per member) and keeps one code path.
 *
 * <p>A write whose DC leaves before answering fails with a message saying it may or may not have
 * been applied; the protocol applies each request at most once and never retries on its own.
 *
 * <p>Threading: all protocol state is confined to the store's CIB thread ({@link CibStore#execute});
 * bus callbacks only hand messages and views over to it, so they never block the bus.
 */
public final class ReplicatedCib implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicatedCib.class);
    private static final byte[] MAGIC = CibMessage.MAGIC.getBytes(StandardCharsets.UTF_8);

    private final ClusterBus bus;
    private final CibStore store;
    private final Timers timers;
    private final Duration answerTimeout;

    // All below: CIB thread only.
    private Membership view;
    private long nextRequestId = 1;
    private long roundCounter;
    private final Map<Long, Forwarded> forwarded = new HashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    /** DC only: the version collection in progress, or null. */
    private SyncRound round;
    /** DC only: the view's copies are reconciled and writes may be applied. */
    private boolean synced;
    /** DC only: writes that arrived during a round. */
    private final Deque<Queued> queued = new ArrayDeque<>();

    /** Who receives the outcome of a write at the DC: a local future or a member's request. */
    @FunctionalInterface
    private interface Origin {
        void answer(WriteResult result);
    }

    private record Forwarded(Member dc, CompletableFuture<WriteResult> future) {}

    private record Waiter(WriteResult result, CompletableFuture<WriteResult> future) {}

    private record Queued(CibOperation op, Origin origin) {}

    /**
     * @param timers for the version collection's timeouts
     * @param answerTimeout how long the DC waits for the members' versions (or the winner's copy)
     *     before it asks again; after {@link SyncRound#ATTEMPTS} of these it goes on without them
     */
    public ReplicatedCib(ClusterBus bus, CibStore store, Timers timers, Duration answerTimeout) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.store = Objects.requireNonNull(store, "store");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
    }

    /** Registers with the bus; call before {@link ClusterBus#start()} so that no view is missed. */
    public void start() {
        bus.onMessage((from, payload) -> {
            if (isCibMessage(payload)) store.execute(() -> receive(from, payload));
        });
        bus.onMembership(m -> store.execute(() -> viewChanged(m)));
    }

    /** This node's copy; any thread. */
    public Cib read() { return store.current(); }

    /** Sends a write through the DC; any thread. The future completes on the CIB thread. */
    public CompletableFuture<WriteResult> write(CibOperation op) {
        CompletableFuture<WriteResult> f = new CompletableFuture<>();
        store.execute(() -> submit(op, f));
        return f;
    }

    /**
     * Completes with true when nothing is in flight on this node: no version collection, no queued,
     * forwarded or waiting write. For tests and health checks; any thread.
     */
    CompletableFuture<Boolean> idle() {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        store.execute(() -> f.complete(round == null && queued.isEmpty() && forwarded.isEmpty() && waiters.isEmpty()
                && (view == null || !coordinator().map(this::isSelf).orElse(false) || synced)));
        return f;
    }

    // ---- the member's side of a write

    private void submit(CibOperation op, CompletableFuture<WriteResult> f) {
        Optional<Member> dc = coordinator();
        if (dc.isEmpty()) {
            f.complete(rejected("this node is not in a cluster view yet; retry once it has joined"));
        } else if (isSelf(dc.get())) {
            atDc(op, f::complete);
        } else {
            long id = nextRequestId++;
            forwarded.put(id, new Forwarded(dc.get(), f));
            bus.send(dc.get(), CibMessage.encode(new CibMessage.Request(id, op)));
        }
    }

    private void replied(CibMessage.Reply r) {
        Forwarded f = forwarded.remove(r.id());
        if (f == null) return; // failed already when the DC changed
        WriteResult result = r.result();
        if (result.accepted() && store.current().version().compareTo(result.version()) < 0) {
            waiters.add(new Waiter(result, f.future()));
        } else {
            f.future().complete(result);
        }
    }

    private void releaseWaiters(boolean all) {
        CibVersion have = store.current().version();
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (all || have.compareTo(w.result().version()) >= 0) {
                w.future().complete(w.result());
                it.remove();
            }
        }
    }

    // ---- the DC's side of a write

    private void atDc(CibOperation op, Origin origin) {
        Optional<Member> dc = coordinator();
        if (dc.isEmpty() || !isSelf(dc.get())) {
            origin.answer(rejected(bus.self() + " is not the DC (the DC is " + dc.map(Member::name).orElse("not known yet")
                    + "); retry"));
        } else if (!synced) {
            queued.add(new Queued(op, origin));
        } else {
            origin.answer(applyAndBroadcast(op, true));
        }
    }

    private WriteResult applyAndBroadcast(CibWrite write, boolean fromClient) {
        if (fromClient) {
            Optional<String> refusal = quorumRefusal();
            if (refusal.isPresent()) return rejected(refusal.get());
        }
        CibVersion before = store.current().version();
        WriteResult r = store.applyOnThread(write);
        if (r.accepted() && !r.version().equals(before)) {
            log.debug("Applied '{}': CIB {} -> {}", write.describe(), before, r.version());
            bus.broadcast(CibMessage.encode(new CibMessage.Update(store.current().xml())));
        } else if (!r.accepted()) {
            log.info("Rejected '{}': {}", write.describe(), String.join("; ", r.reasons()));
        }
        return r;
    }

    private Optional<String> quorumRefusal() {
        if (view.quorate()) return Optional.empty();
        String policy = noQuorumPolicy(store.current());
        if (policy.equals("ignore")) return Optional.empty();
        return Optional.of("the partition of " + view.members().stream().map(Member::name).collect(Collectors.joining(", "))
                + " has no quorum, so the CIB cannot be changed until quorum returns (no-quorum-policy is " + policy
                + "; only no-quorum-policy=ignore allows writes without quorum)");
    }

    static String noQuorumPolicy(Cib cib) {
        return cib.configuration().crmConfig().stream().map(AttributeSet::values)
                .map(v -> v.get(ClusterOption.NO_QUORUM_POLICY.optionName())).filter(Objects::nonNull)
                .findFirst().orElse(ClusterOption.NO_QUORUM_POLICY.defaultValue());
    }

    // ---- membership changes: collect versions, the highest wins

    private void viewChanged(Membership m) {
        if (m.equals(view)) return; // a change of quorum or DC alone keeps the viewId, so compare it all
        view = m;
        Optional<Member> dc = coordinator();
        failForwardedUnless(dc);
        releaseWaiters(true);
        if (round != null) round.cancel();
        if (dc.isPresent() && isSelf(dc.get())) {
            round = new SyncRound(m.viewId() + "." + (++roundCounter), m.members(), bus.self(), bus, timers,
                    answerTimeout, store::execute, this::chosen);
            synced = false;
            log.info("DC of view {} ({}): collecting CIB versions", m.viewId(), names(m.members()));
            round.start(store.current().version(), store.trusted());
        } else {
            round = null;
            synced = false;
            for (Queued q; (q = queued.poll()) != null; ) {
                q.origin().answer(rejected(bus.self() + " stopped being the DC before applying the write; retry"));
            }
        }
    }

    private void failForwardedUnless(Optional<Member> dc) {
        for (Iterator<Forwarded> it = forwarded.values().iterator(); it.hasNext(); ) {
            Forwarded f = it.next();
            if (dc.isPresent() && dc.get().name().equals(f.dc().name())) continue;
            f.future().complete(rejected("the DC " + f.dc() + " left or changed before answering; the write may or may "
                    + "not have been applied: read the CIB and retry"));
            it.remove();
        }
    }

    private void answered(Member from, CibMessage.Version v) {
        if (round != null && round.id().equals(v.round())) round.record(from, v.version(), v.trusted());
    }

    /** The round chose {@code winner}; its copy is here (the DC's own, or fetched: {@link #copied}). */
    private void chosen(SyncRound.Answer winner) {
        log.info("CIB versions in view {}: {}; {} {} from {} wins{}", view.viewId(),
                round.answers().stream().map(a -> a.member() + " " + a.version() + (a.trusted() ? "" : " (untrusted)"))
                        .collect(Collectors.joining(", ")),
                winner.trusted() ? "the highest trusted copy," : "no copy is trusted; the highest,",
                winner.version(), winner.member(), round.missing().isEmpty() ? ""
                        : " (no answer from " + names(round.missing()) + ")");
        if (isSelf(winner.member())) finishRound(store.current(), winner.member().name());
    }

    private void copied(Member from, CibMessage.Copy c) {
        if (round == null || !round.id().equals(c.round())) return;
        SyncRound r = round;
        Cib copy = CibParser.parse(c.cib());
        if (r.copied(from)) finishRound(copy, from.name());
    }

    private void finishRound(Cib winner, String origin) {
        take(winner, origin);
        bus.broadcast(CibMessage.encode(new CibMessage.Adopt(round.id(), origin, winner.xml())));
        round = null;
        synced = true;
        if (quorumRefusal().isEmpty()) {
            applyAndBroadcast(new NodeStateWrite(view, bus.self()), false);
        } else {
            log.info("No quorum: node_state is left as it is until quorum returns");
        }
        for (Queued q; synced && (q = queued.poll()) != null; ) {
            q.origin().answer(applyAndBroadcast(q.op(), true));
        }
    }

    private void adopted(Member from, CibMessage.Adopt a) {
        if (isSelf(from) || !isCoordinator(from)) return;
        take(CibParser.parse(a.cib()), a.origin());
        releaseWaiters(false);
    }

    /** Replaces the local copy with the one the DC chose, logging what is discarded. */
    private void take(Cib winner, String origin) {
        Cib local = store.current();
        if (local.xml().equals(winner.xml()) && store.trusted()) return;
        if (!store.trusted()) {
            log.warn("Replacing the untrusted local CIB {} with {} from {}", local.version(), winner.version(), origin);
        } else if (local.version().equals(CibVersion.ZERO)) {
            log.info("Taking the cluster's CIB {} from {}", winner.version(), origin);
        } else if (local.version().equals(winner.version())) {
            log.warn("The local CIB {} differs from {}'s copy of the same version; taking {}'s", local.version(), origin, origin);
        } else {
            log.warn("Discarding local CIB {} in favour of {} from {}", local.version(), winner.version(), origin);
        }
        install(winner);
    }

    private void updated(Member from, XmlElement xml) {
        if (!isCoordinator(from)) {
            log.debug("Ignoring a CIB update from {}, which is not the DC", from);
            return;
        }
        Cib cib = CibParser.parse(xml);
        if (cib.version().compareTo(store.current().version()) > 0) install(cib);
        releaseWaiters(false);
    }

    private void install(Cib cib) {
        try {
            store.adoptOnThread(cib);
        } catch (IOException e) {
            log.error("Could not save CIB {} to disk ({}); this node's copy stays at {}", cib.version(), e,
                    store.current().version());
        }
    }

    // ---- plumbing

    private void receive(Member from, byte[] payload) {
        CibMessage m;
        try {
            m = CibMessage.decode(payload);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed CIB message from {}: {}", from, e.getMessage());
            return;
        }
        switch (m.kind()) {
            case REQUEST -> {
                CibMessage.Request r = (CibMessage.Request) m;
                atDc(r.op(), result -> bus.send(from, CibMessage.encode(new CibMessage.Reply(r.id(), result))));
            }
            case REPLY -> replied((CibMessage.Reply) m);
            case UPDATE -> updated(from, ((CibMessage.Update) m).cib());
            case QUERY -> bus.send(from, CibMessage.encode(new CibMessage.Version(((CibMessage.Query) m).round(),
                    store.current().version(), store.trusted())));
            case VERSION -> answered(from, (CibMessage.Version) m);
            case FETCH -> bus.send(from, CibMessage.encode(new CibMessage.Copy(((CibMessage.Fetch) m).round(),
                    store.current().xml())));
            case COPY -> copied(from, (CibMessage.Copy) m);
            case ADOPT -> adopted(from, (CibMessage.Adopt) m);
        }
    }

    private static boolean isCibMessage(byte[] payload) {
        if (payload.length < MAGIC.length) return false;
        for (int i = 0; i < MAGIC.length; i++) {
            if (payload[i] != MAGIC[i]) return false;
        }
        return true;
    }

    private Optional<Member> coordinator() {
        if (view == null) return Optional.empty();
        return view.dc().or(() -> view.members().stream().findFirst());
    }

    private boolean isCoordinator(Member m) {
        return coordinator().map(dc -> dc.name().equals(m.name())).orElse(false);
    }

    private boolean isSelf(Member m) { return m.name().equals(bus.self().name()); }

    private WriteResult rejected(String reason) { return WriteResult.rejected(store.current().version(), reason); }

    private static String names(List<Member> members) {
        return members.stream().map(Member::name).collect(Collectors.joining(", "));
    }

    /** Fails the writes still waiting for an answer; the bus and the store are closed by their owner. */
    @Override public void close() {
        store.execute(() -> {
            if (round != null) round.cancel();
            forwarded.values().forEach(f -> f.future().complete(rejected("the node is shutting down")));
            forwarded.clear();
            releaseWaiters(true);
            for (Queued q; (q = queued.poll()) != null; ) q.origin().answer(rejected("the node is shutting down"));
        });
    }
}
