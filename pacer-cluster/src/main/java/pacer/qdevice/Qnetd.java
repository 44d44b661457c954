package pacer.qdevice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quorum witness (Corosync-qnetd's job): listens on TCP (port 5403 by default), accepts nodes
 * of every cluster whose witness key it holds ({@code KEYS_DIR/CLUSTER.key}, written by {@code pcs
 * quorum device add}), and answers their vote requests with one {@link Arbiter} per cluster.
 *
 * <p>A {@code STATUS} line from a loopback address is answered without authentication with the
 * text {@code pcs qdevice status net --full} prints, then the connection closes.
 *
 * <p><b>Threading.</b> One acceptor thread and one thread per connection (a witness serves a few
 * nodes); every decision is taken under this object's lock, which owns the arbiters.
 */
public final class Qnetd implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Qnetd.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    /** A node that says nothing for this long is dropped (it asks every token / 4). */
    private static final int READ_TIMEOUT_MS = 120_000;

    private final Path keysDir;
    private final InetSocketAddress bind;
    private final LongSupplier monotonicMillis;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Arbiter> arbiters = new LinkedHashMap<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile boolean closed;

    /**
     * @param keysDir where the clusters' witness keys are, one file {@code CLUSTER.key} each
     * @param monotonicMillis the clock for leases (System.nanoTime based in production)
     */
    public Qnetd(Path keysDir, InetSocketAddress bind, LongSupplier monotonicMillis) {
        this.keysDir = keysDir;
        this.bind = bind;
        this.monotonicMillis = monotonicMillis;
    }

    /** The file that holds {@code cluster}'s witness key in {@code keysDir}. */
    public static Path keyFile(Path keysDir, String cluster) {
        if (!NAME.matcher(cluster).matches()) {
            throw new IllegalArgumentException("'" + cluster + "' is not a valid cluster name");
        }
        return keysDir.resolve(cluster + ".key");
    }

    /** Binds and starts accepting; returns once it listens. */
    public synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(bind);
        server = s;
        Thread t = new Thread(this::acceptLoop, "pacer-qnetd-accept");
        t.setDaemon(true);
        t.start();
        log.info("Quorum witness listening on {}:{} (cluster keys in {})", bind.getHostString(), s.getLocalPort(), keysDir);
    }

    /** The port it listens on (useful when bound to port 0). */
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) server.close();
        } catch (IOException e) {
            log.debug("Closing the listener: {}", e.getMessage());
        }
        for (Socket s : connections) {
            closeQuietly(s);
        }
    }

    /** The status text ({@code pcs qdevice status net --full}). */
    public synchronized List<String> status() {
        List<String> out = new ArrayList<>();
        long clients = arbiters.values().stream().mapToLong(Arbiter::connectedNodes).sum();
        out.add("QNetd address:                  " + bind.getHostString() + ":" + (server == null ? bind.getPort() : port()));
        out.add("TLS:                            Unsupported (messages authenticated with the cluster's witness key)");
        out.add("Connected clients:              " + clients);
        out.add("Connected clusters:             " + arbiters.size());
        long now = monotonicMillis.getAsLong();
        arbiters.values().forEach(a -> out.addAll(a.describe(now)));
        return out;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                s.setSoTimeout(READ_TIMEOUT_MS);
                connections.add(s);
                int id = connectionIds.incrementAndGet();
                Thread t = new Thread(() -> serve(s, id), "pacer-qnetd-conn-" + id);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) log.warn("Accepting a connection failed: {}", e.getMessage());
            }
        }
    }

    private void serve(Socket socket, long connection) {
        String who = socket.getRemoteSocketAddress().toString();
        String cluster = null;
        String node = null;
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            String challenge = HexFormat.of().formatHex(randomBytes());
            send(out, QdeviceLine.of("HELLO", "version", "1", "challenge", challenge).format());
            String first = readLine(in);
            if (first == null) return;
            QdeviceLine hello = QdeviceLine.parse(first.substring(0, first.contains(" mac=") ? first.lastIndexOf(" mac=") : first.length()));
            if (hello.type().equals("STATUS")) {
                if (socket.getInetAddress().isLoopbackAddress()) {
                    for (String line : status()) send(out, line);
                } else {
                    send(out, QdeviceLine.of("ERROR", "reason", "status is only answered on the witness host itself").format());
                }
                return;
            }
            if (!hello.type().equals("JOIN")) {
                send(out, QdeviceLine.of("ERROR", "reason", "expected JOIN, got " + hello.type()).format());
                return;
            }
            cluster = hello.get("cluster");
            node = hello.get("node");
            byte[] key = key(cluster);
            if (key == null) {
                log.warn("Node {} ({}) asks for cluster {}, which this witness does not serve", node, who, cluster);
                send(out, QdeviceLine.of("ERROR", "reason", "this witness does not serve cluster '" + cluster
                        + "': run 'pcs quorum device add model net host=HOST' on a node of that cluster").format());
                return;
            }
            String session = challenge + hello.get("nonce");
            QdeviceLine join = QdeviceLine.open(first, key, session, 'c');
            int nodeId = (int) join.getLong("nodeid");
            QdeviceTiming timing = QdeviceTiming.forToken(Duration.ofMillis(join.getLong("token")));
            synchronized (this) {
                arbiters.computeIfAbsent(cluster, Arbiter::new).connected(node, nodeId, connection,
                        monotonicMillis.getAsLong());
            }
            log.info("Node {} (id {}) of cluster {} connected from {}", node, nodeId, cluster, who);
            long seq = 0;
            Vote lastVote = null;
            send(out, QdeviceLine.of("WELCOME", "seq", "0").sealed(key, session, 's'));
            for (String line = readLine(in); line != null; line = readLine(in)) {
                QdeviceLine request = QdeviceLine.open(line, key, session, 'c');
                long s = request.getLong("seq");
                if (s <= seq) throw new IllegalArgumentException("sequence number " + s + " after " + seq + " (a replay?)");
                seq = s;
                if (!request.type().equals("VOTE")) throw new IllegalArgumentException("unexpected " + request.type());
                Map<String, Integer> members = members(request.get("members"));
                Arbiter.Decision d;
                synchronized (this) {
                    d = arbiters.computeIfAbsent(cluster, Arbiter::new).request(node, members,
                            (int) request.getLong("expected"), request.opt("tie").orElse("lowest"), timing,
                            monotonicMillis.getAsLong());
                }
                if (d.vote() != lastVote || request.opt("changed").isPresent()) {
                    lastVote = d.vote();
                    log.info("Cluster {}: node {} asks for partition {}: {} ({})", cluster, node, members.keySet(),
                            d.vote().wire(), d.reason());
                }
                send(out, QdeviceLine.of("ANSWER", "seq", String.valueOf(s), "vote", d.vote().wire(),
                        "members", request.get("members"), "reason", d.reason()).sealed(key, session, 's'));
            }
        } catch (IllegalArgumentException e) {
            log.warn("Dropping the connection of {} ({}{}): {}", node == null ? "an unknown node" : "node " + node, who,
                    cluster == null ? "" : ", cluster " + cluster, e.getMessage());
        } catch (IOException e) {
            if (!closed) log.info("Connection of {} ({}) ended: {}", node == null ? "an unknown node" : "node " + node,
                    who, e.getMessage());
        } finally {
            connections.remove(socket);
            if (cluster != null && node != null) {
                synchronized (this) {
                    Arbiter a = arbiters.get(cluster);
                    if (a != null) a.disconnected(node, connection);
                }
                log.info("Node {} of cluster {} disconnected", node, cluster);
            }
        }
    }

    /** {@code n1:1,n2:2} → {n1=1, n2=2}. */
    static Map<String, Integer> members(String text) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            int colon = item.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("cannot read member '" + item + "'");
            try {
                m.put(item.substring(0, colon), Integer.parseInt(item.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cannot read member '" + item + "'");
            }
        }
        return m;
    }

    private byte[] key(String cluster) throws IOException {
        try {
            byte[] k = Files.readAllBytes(keyFile(keysDir, cluster));
            return k.length >= 16 ? k : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String readLine(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line != null && line.length() > QdeviceLine.MAX_LENGTH) {
            throw new IllegalArgumentException("line too long");
        }
        return line;
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private byte[] randomBytes() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
