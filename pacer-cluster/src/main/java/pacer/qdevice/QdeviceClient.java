package pacer.qdevice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.membership.ClusterConfig;
import pacer.membership.QuorumDevice;
import pacer.membership.QuorumDeviceVote;

/**
 * The node's side of the quorum witness (corosync-qdevice's job): keeps a connection to the
 * witness, tells it this node's partition at once on every change and again every heartbeat, and
 * holds the witness's vote for exactly the partition it was given, until {@code lease} after the
 * winning request was sent (counted on this node's monotonic clock, so it always ends before the
 * witness's own count). A lost connection drops the vote at once.
 *
 * <p><b>Threading.</b> One thread ({@code pacer-qdevice-NODE}) owns the connection and the state;
 * a reader thread per connection hands each answer over to it. {@link #votesFor} and
 * {@link #reachable} read volatile snapshots and never block.
 */
public final class QdeviceClient implements QuorumDeviceVote {
    private static final Logger log = LoggerFactory.getLogger(QdeviceClient.class);

    /** The vote, held for one exact partition, in one epoch, until a moment on the monotonic clock. */
    private record Grant(Set<String> members, long expiresAt, long epoch) { }

    /** When a request was sent, and in which partition epoch. */
    private record Sent(long at, long epoch) { }

    private final QuorumDevice device;
    private final ClusterConfig config;
    private final String self;
    private final int selfId;
    private final byte[] key;
    private final QdeviceTiming timing;
    private final LongSupplier monotonicMillis;
    private final ScheduledExecutorService thread;
    private final SecureRandom random = new SecureRandom();
    private Runnable onChange = () -> { };

    private volatile Grant grant;
    /**
     * Counts partition changes; written only by the bus's thread ({@link #partitionChanged}). A vote
     * won in an earlier epoch never counts, even for the same members again: the witness may have
     * given it away since this node reported the partition in between.
     */
    private volatile long epoch;
    private volatile long lastAnswerAt = Long.MIN_VALUE;
    private volatile boolean connected;

    // owned by the client thread
    private Socket socket;
    private OutputStream out;
    private String session;
    private long seq;
    private final Map<Long, Sent> sentAt = new HashMap<>();
    private List<String> partition = List.of();
    private long partitionEpoch;
    private long connectFailures;
    private String lastProblem = "";
    private Vote lastVote;

    /**
     * @param key the cluster's witness key ({@link pacer.membership.ClusterKey#witnessKey})
     * @param monotonicMillis the clock leases are counted on
     */
    public QdeviceClient(ClusterConfig config, String self, byte[] key, LongSupplier monotonicMillis) {
        this.config = config;
        this.device = config.quorumDevice().orElseThrow(() -> new IllegalArgumentException(
                "cluster " + config.clusterName() + " has no quorum device"));
        this.self = self;
        this.selfId = config.node(self).orElseThrow().nodeId();
        this.key = key.clone();
        this.timing = QdeviceTiming.forToken(config.token());
        this.monotonicMillis = monotonicMillis;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-qdevice-" + self);
            t.setDaemon(true);
            return t;
        });
    }

    /** The milliseconds of {@link System#nanoTime}: the monotonic clock of production. */
    public static long systemMonotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public void start(Runnable changed) {
        this.onChange = changed;
        long every = timing.heartbeat().toMillis();
        thread.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
        log.info("Quorum device: witness {} (model net, algorithm ffsplit, tie-breaker {}), asking every {} ms,"
                + " vote lease {} ms", device.address(), device.tieBreaker(), every, timing.lease().toMillis());
    }

    @Override
    public void partitionChanged(long viewId, List<String> members) {
        long e = epoch + 1;
        epoch = e; // at once, on the bus's thread: from now on no earlier vote counts
        submit(() -> {
            partition = List.copyOf(members);
            partitionEpoch = e;
            sentAt.clear(); // answers to requests of the earlier partition are ignored
            if (grant != null && grant.epoch() != e) grant = null;
            ask(true);
        });
    }

    @Override
    public boolean votesFor(List<String> members) {
        Grant g = grant;
        return g != null && g.epoch() == epoch && g.members().equals(Set.copyOf(members))
                && monotonicMillis.getAsLong() < g.expiresAt();
    }

    @Override
    public boolean reachable() {
        return connected && monotonicMillis.getAsLong() - lastAnswerAt < timing.silentAfter().toMillis();
    }

    /** One line for status output: where the witness is, whether connected, and the vote. */
    @Override
    public String describe() {
        Grant g = grant;
        return "witness " + device.address() + ": " + (connected ? "connected" : "not connected")
                + (g != null && monotonicMillis.getAsLong() < g.expiresAt() ? ", vote held for "
                + g.members().stream().sorted().toList() : ", no vote");
    }

    @Override
    public void close() {
        thread.shutdownNow();
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    // ---- on the client thread ----

    private void tick() {
        try {
            if (socket == null) connect();
            if (socket != null) ask(false);
            expireLease();
        } catch (RuntimeException e) {
            log.error("Quorum device: internal error", e);
        }
    }

    private void connect() {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(device.host(), device.port()), (int) Math.max(200, timing.heartbeat().toMillis() * 2));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            s.setSoTimeout((int) Math.max(500, timing.lease().toMillis()));
            QdeviceLine hello = QdeviceLine.parse(requireLine(in.readLine(), "HELLO"));
            if (!hello.type().equals("HELLO")) throw new IOException("the witness said " + hello.format());
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            String n = HexFormat.of().formatHex(nonce);
            String sess = hello.get("challenge") + n;
            OutputStream o = s.getOutputStream();
            write(o, QdeviceLine.of("JOIN", "cluster", config.clusterName(), "node", self, "nodeid",
                    String.valueOf(selfId), "nonce", n, "token", String.valueOf(config.token().toMillis()))
                    .sealed(key, sess, 'c'));
            String answer = requireLine(in.readLine(), "WELCOME");
            if (answer.startsWith("ERROR")) throw new IOException(QdeviceLine.parse(answer).opt("reason").orElse(answer));
            QdeviceLine.open(answer, key, sess, 's');
            s.setSoTimeout(0);
            socket = s;
            out = o;
            session = sess;
            seq = 0;
            sentAt.clear();
            connected = true;
            lastAnswerAt = monotonicMillis.getAsLong();
            log.info("Quorum device: connected to witness {}", device.address());
            connectFailures = 0;
            lastProblem = "";
            Thread reader = new Thread(() -> readLoop(s, in, sess), "pacer-qdevice-reader-" + self);
            reader.setDaemon(true);
            reader.start();
        } catch (IOException | IllegalArgumentException e) {
            closeQuietly(s);
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (connectFailures++ % 240 == 0 || !problem.equals(lastProblem)) {
                log.warn("Quorum device: cannot reach the witness at {}:{}: {} (is 'pacer qdevice' running there, and"
                        + " was 'pcs quorum device add' run for cluster {}? Port {} must be open); retrying",
                        device.host(), device.port(), problem, config.clusterName(), device.port());
            }
            lastProblem = problem;
        }
    }

    private static String requireLine(String line, String what) throws IOException {
        if (line == null) throw new IOException("the witness closed the connection before " + what);
        return line;
    }

    private void ask(boolean changed) {
        if (socket == null || partition.isEmpty()) return;
        long s = ++seq;
        String members = partition.stream().map(m -> m + ":" + config.node(m).map(ClusterConfig.Node::nodeId).orElse(0))
                .collect(Collectors.joining(","));
        QdeviceLine line = changed
                ? QdeviceLine.of("VOTE", "seq", String.valueOf(s), "expected", String.valueOf(config.expectedVotes()),
                        "tie", device.tieBreaker(), "members", members, "changed", "1")
                : QdeviceLine.of("VOTE", "seq", String.valueOf(s), "expected", String.valueOf(config.expectedVotes()),
                        "tie", device.tieBreaker(), "members", members);
        sentAt.put(s, new Sent(monotonicMillis.getAsLong(), partitionEpoch));
        sentAt.keySet().removeIf(k -> k < s - 64);
        try {
            write(out, line.sealed(key, session, 'c'));
        } catch (IOException e) {
            lost("sending failed: " + e.getMessage());
        }
    }

    private void onAnswer(Socket from, QdeviceLine answer) {
        if (from != socket) return;
        lastAnswerAt = monotonicMillis.getAsLong();
        long s = answer.getLong("seq");
        Sent sent = sentAt.get(s);
        Vote vote = Vote.ofWire(answer.get("vote"));
        Set<String> members = Qnetd.members(answer.get("members")).keySet();
        Set<String> current = Set.copyOf(partition);
        if (sent == null || sent.epoch() != epoch || !members.equals(current)) return; // for an earlier partition
        Grant before = grant;
        Vote previous = lastVote;
        if (vote == Vote.YES) {
            long expires = sent.at() + timing.lease().toMillis();
            if (before == null || before.epoch() != sent.epoch() || expires > before.expiresAt()) {
                grant = new Grant(Set.copyOf(current), expires, sent.epoch());
            }
            thread.schedule(this::expireLease, Math.max(1, expires - monotonicMillis.getAsLong()), TimeUnit.MILLISECONDS);
        } else if (vote == Vote.NO) {
            grant = null;
        }
        if (vote != previous) {
            log.info("Quorum device: the witness answers {} for partition {}: {}", vote.wire(), current.stream().sorted()
                    .toList(), answer.opt("reason").orElse(""));
            lastVote = vote;
        }
        if ((before == null) != (grant == null) || vote == Vote.NO && previous != Vote.NO) {
            onChange.run();
        }
    }

    private void expireLease() {
        Grant g = grant;
        if (g != null && monotonicMillis.getAsLong() >= g.expiresAt()) {
            grant = null;
            log.warn("Quorum device: the vote for partition {} lapsed (no answer from witness {} for {} ms)",
                    g.members().stream().sorted().toList(), device.address(), timing.lease().toMillis());
            onChange.run();
        }
    }

    private void lost(String why) {
        if (socket == null) return;
        log.warn("Quorum device: lost the connection to witness {}: {}; the vote is dropped", device.address(), why);
        closeQuietly(socket);
        socket = null;
        out = null;
        connected = false;
        lastVote = null;
        grant = null;
        onChange.run();
    }

    // ---- on the reader thread ----

    private void readLoop(Socket s, BufferedReader in, String sess) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                QdeviceLine answer = QdeviceLine.open(line, key, sess, 's');
                submit(() -> onAnswer(s, answer));
            }
            submit(() -> { if (s == socket) lost("the witness closed the connection"); });
        } catch (IOException | IllegalArgumentException e) {
            submit(() -> { if (s == socket) lost(e.getMessage()); });
        }
    }

    private void submit(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Quorum device: internal error", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private static void write(OutputStream o, String line) throws IOException {
        o.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        o.flush();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
