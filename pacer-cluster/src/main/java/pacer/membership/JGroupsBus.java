package pacer.membership;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.MergeView;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.stack.Protocol;
import org.jgroups.util.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The {@link ClusterBus} on JGroups: one channel per node, built by {@link JGroupsStack} from the
 * cluster configuration, with quorum ({@link Quorum}) and the DC computed from every view.
 *
 * <p><b>Threading.</b> JGroups calls in on its own threads; every callback is handed, in arrival
 * order, to one delivery thread ({@code pacer-bus-NODE}), which owns the view, the quorum state
 * and the membership, and runs the listeners and message handlers one at a time. Per-sender FIFO
 * holds because JGroups hands over one sender's messages in order. {@link #membership()} reads a
 * volatile snapshot and may be called from any thread; so may {@link #broadcast} and
 * {@link #send}. {@link #start} and {@link #close} are serialised on this object.
 *
 * <p><b>Quorum and DC.</b> Every member computes quorum from the same view and configuration.
 * With wait_for_all, a node still waiting asks the other members of its view, at once and then
 * every token until it is released; a member that has seen every node and is quorate answers,
 * which releases the asker, as in votequorum (a restarted node joining a running cluster with a
 * node missing). Asks and answers are unicasts: unlike broadcasts, they are not lost while two
 * sides of a merge install the merged view at different moments. The DC is the first member of the view (the JGroups
 * coordinator) when the partition is quorate, or always when no-quorum-policy=ignore
 * ({@link #setNoQuorumIgnore}); all members of a view agree on it.
 *
 * <p><b>Wire.</b> Payloads travel with a one-byte kind in front: application messages, and the
 * quorum status above. {@link AddressBook} maps node names to addresses: the view's, and the
 * sender's of a message from a node not in this node's view yet (so a joiner can answer the DC
 * before its own view shows it).
 */
public final class JGroupsBus implements ClusterBus {
    private static final Logger log = LoggerFactory.getLogger(JGroupsBus.class);
    private static final byte KIND_APP = 1;
    private static final byte KIND_RELEASE_ASK = 2;
    private static final byte KIND_RELEASED = 3;
    private static final long START_TIMEOUT_SECONDS = 60;

    /** Replaced by {@link #reloadNodes} (on the delivery thread); read anywhere. */
    private volatile ClusterConfig config;
    private final ClusterConfig.Node selfNode;
    private final Member self;
    private final ClusterKey key;
    private final Consumer<List<Protocol>> stackHook;
    private final ScheduledExecutorService delivery;
    private final List<MessageHandler> handlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Membership>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Membership> firstMembership = new CompletableFuture<>();
    private volatile Membership membership;
    private final AddressBook addresses = new AddressBook();
    private volatile boolean noQuorumIgnore;
    private volatile boolean stopping;

    /** Written under {@code this} by start; read anywhere. */
    private volatile JChannel channel;

    /** Written only on the delivery thread; volatile so that {@link #expectedVotes} may read it anywhere. */
    private volatile Quorum quorum;
    /** Owned by the delivery thread. */
    private View view;
    /** Owned by the delivery thread: asks for release while wait_for_all holds this node back. */
    private ScheduledFuture<?> releaseAsks;
    /** Written on the delivery thread (read by close and crash once it stopped): the quorum device's client. */
    private volatile QuorumDeviceVote device;
    /** Owned by the delivery thread: a view's publication held back for the witness's answer. */
    private ScheduledFuture<?> heldForDevice;
    private boolean heldMerged;

    /**
     * A bus for node {@code nodeName} of the configuration, not started yet.
     *
     * @throws IllegalArgumentException if the node is not in the configuration's node list
     */
    public JGroupsBus(ClusterConfig config, String nodeName, ClusterKey key) {
        this(config, nodeName, key, protocols -> { });
    }

    /** As above; {@code stackHook} may edit the protocol list before the channel is built (tests). */
    JGroupsBus(ClusterConfig config, String nodeName, ClusterKey key, Consumer<List<Protocol>> stackHook) {
        this.config = config;
        this.selfNode = config.node(nodeName).orElseThrow(() -> new IllegalArgumentException("node '" + nodeName
                + "' is not in the cluster configuration; its nodes are " + String.join(", ", config.nodeNames())));
        this.self = new Member(selfNode.name(), selfNode.nodeId());
        this.key = key;
        this.stackHook = stackHook;
        this.quorum = Quorum.coldStart(config);
        this.delivery = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-bus-" + nodeName);
            t.setDaemon(true);
            return t;
        });
    }

    /** A bus for {@code nodeName}, with the cluster key read from the configured key file. */
    public static JGroupsBus open(ClusterConfig config, String nodeName) throws IOException {
        return new JGroupsBus(config, nodeName, ClusterKey.load(config.keyFile(), config.clusterName()));
    }

    @Override
    public Member self() {
        return self;
    }

    @Override
    public Membership membership() {
        return membership;
    }

    /** no-quorum-policy=ignore: the coordinator is the DC even without quorum. */
    public void setNoQuorumIgnore(boolean ignore) {
        noQuorumIgnore = ignore;
        submit(this::recompute);
    }

    /**
     * Uses a quorum device (the witness's client) from now on, or none; {@code expectedVotes},
     * {@code twoNode} and {@code waitForAll} come from {@code withDevice}, the configuration that
     * names it ({@code pcs quorum device add|remove} applies it while the cluster runs). The bus
     * starts the device and closes the one it replaces.
     */
    public void useQuorumDevice(ClusterConfig withDevice, Optional<QuorumDeviceVote> next) {
        submit(() -> {
            if (device != null) device.close();
            quorum = new Quorum(quorum.nodes(), withDevice.expectedVotes(), withDevice.twoNode(),
                    withDevice.waitForAll(), quorum.waitingForAll() && withDevice.waitForAll());
            device = next.orElse(null);
            at(Level.INFO).log(device == null ? "No quorum device; expected votes {}"
                    : "Quorum device configured; expected votes {}", withDevice.expectedVotes());
            if (device != null) {
                device.start(() -> submit(this::deviceAnswered));
                if (view != null) device.partitionChanged(view.getViewId().getId(), names(viewMembers()));
            }
            recompute();
        });
    }

    @Override
    public Optional<String> quorumDeviceState() {
        QuorumDeviceVote d = device;
        return d == null ? Optional.empty() : Optional.of(d.describe());
    }

    @Override
    public int expectedVotes() {
        return quorum.expectedVotes();
    }

    @Override
    public synchronized void start() throws Exception {
        if (channel != null) {
            throw new IllegalStateException("node " + self + ": the bus was already started");
        }
        List<Protocol> protocols = JGroupsStack.protocols(config, selfNode, key);
        stackHook.accept(protocols);
        JChannel ch = new JChannel(protocols).name(self.name());
        ch.getProtocolStack().getTransport().getDiagnosticsHandler().setEnabled(false); // no multicast probe socket
        ch.addAddressGenerator(() -> AddressBook.stamped(self));
        ch.setReceiver(new Receiver() {
            @Override public void viewAccepted(View v) {
                submit(() -> onView(v));
            }

            @Override public void receive(Message msg) {
                byte[] bytes = Arrays.copyOfRange(msg.getArray(), msg.getOffset(), msg.getOffset() + msg.getLength());
                Address src = msg.getSrc();
                submit(() -> onMessage(src, bytes));
            }
        });
        channel = ch;
        at(Level.INFO).log("Starting membership: cluster {}, listening on {}:{}, token {} ms, cluster key {}",
                config.clusterName(), selfNode.address(), selfNode.port(), config.token().toMillis(), key.fingerprint());
        try {
            ch.connect(config.clusterName());
            firstMembership.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            stopping = true;
            ch.close();
            delivery.shutdownNow();
            throw e;
        }
    }

    @Override
    public void broadcast(byte[] payload) {
        send(null, KIND_APP, payload);
    }

    @Override
    public void send(Member to, byte[] payload) {
        if (to.name().equals(self.name())) {
            sendToSelf(payload);
            return;
        }
        Optional<Address> dest = addresses.lookup(to.name());
        if (dest.isEmpty()) {
            at(Level.DEBUG).log("Dropping a message to {}: not in the view, and no message from it since the last view", to);
            return;
        }
        if (addresses.onlySender(to.name())) {
            at(Level.DEBUG).log("Sending to {}, not in this node's view yet, at the address it wrote from", to);
        }
        send(dest.get(), KIND_APP, payload);
    }

    /**
     * A message to this node itself is handed to the delivery thread directly, not through JGroups:
     * right after a view change JGroups' sender can be held up for a connect timeout by a peer that
     * just became unreachable, and the DC talks to its own executor on the failover's critical path
     * (the lab saw 500 ms lost there). Order among this node's messages to itself is kept.
     */
    private void sendToSelf(byte[] payload) {
        if (channel == null || stopping) {
            throw new IllegalStateException("node " + self + ": the bus is " + (channel == null ? "not started" : "closed"));
        }
        byte[] copy = payload.clone();
        submit(() -> deliver(self, copy));
    }

    @Override
    public void onMessage(MessageHandler handler) {
        handlers.add(handler);
    }

    @Override
    public void onMembership(Consumer<Membership> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        if (channel != null) {
            at(Level.INFO).log("Leaving the cluster");
            channel.close();
        }
        stopping = true;
        shutDownDelivery();
        if (device != null) device.close();
    }

    /**
     * Takes a new node list while running ({@code pcs cluster node add|remove}): TCPPING looks for
     * the members of {@code next} from now on, and quorum counts their votes with {@code next}'s
     * expected votes, two_node and wait_for_all. A node still waiting for all keeps waiting, now
     * for the new list. Members that left the list lose their vote; nobody is expelled from the
     * view (a removed node stops by itself: {@code node remove} destroys the cluster there).
     *
     * @throws IllegalArgumentException if {@code next} is another cluster's, or lacks this node
     * @throws IllegalStateException if the bus is not running
     */
    public void reloadNodes(ClusterConfig next) {
        ClusterConfig current = config;
        if (!next.clusterName().equals(current.clusterName())) {
            throw new IllegalArgumentException("the new configuration is for cluster '" + next.clusterName()
                    + "', this node runs cluster '" + current.clusterName() + "'");
        }
        ClusterConfig.Node me = next.node(self.name()).orElseThrow(() -> new IllegalArgumentException("node "
                + self.name() + " is not in the new node list (" + String.join(", ", next.nodeNames()) + ")"));
        if (!me.address().equals(selfNode.address()) || me.port() != selfNode.port() || me.nodeId() != selfNode.nodeId()) {
            throw new IllegalArgumentException("node " + self.name() + " has a new address, port or nodeid in the new"
                    + " configuration; that needs a restart of the cluster on it ('pcs cluster stop', 'pcs cluster start')");
        }
        JChannel ch = channel;
        if (ch == null || stopping) {
            throw new IllegalStateException("node " + self + ": the bus is " + (ch == null ? "not started" : "closed"));
        }
        List<java.net.InetSocketAddress> hosts;
        try {
            hosts = JGroupsStack.initialHosts(next);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve a node address of the new configuration: "
                    + e.getMessage() + "; use IP addresses or add the names to /etc/hosts");
        }
        org.jgroups.protocols.TCPPING discovery = ch.getProtocolStack().findProtocol(org.jgroups.protocols.TCPPING.class);
        if (discovery != null) discovery.setInitialHosts(hosts);
        submit(() -> {
            config = next;
            quorum = new Quorum(java.util.Set.copyOf(next.nodeNames()), next.expectedVotes(), next.twoNode(),
                    next.waitForAll(), quorum.waitingForAll() && next.waitForAll());
            at(Level.INFO).log("Node list reloaded: {}; expected votes {}{}", String.join(", ", next.nodeNames()),
                    next.expectedVotes(), next.twoNode() ? ", two_node" : "");
            if (view != null) quorum = quorum.afterView(names(view.getMembers().stream().map(JGroupsBus::memberOf).toList()));
            recompute();
        });
    }

    /**
     * Stops abruptly, as a killed process would: nothing more leaves this node (no leave message),
     * its sockets close, and it delivers nothing more. For {@link TestCluster}.
     */
    synchronized void crash() throws Exception {
        if (stopping) {
            return;
        }
        stopping = true;
        at(Level.INFO).log("Crashing (simulated): no leave message");
        if (channel != null) {
            Util.shutdown(channel);
        }
        delivery.shutdownNow();
        if (device != null) device.close();
    }

    /** The channel, for fault injection in tests; null before {@link #start}. */
    JChannel channel() {
        return channel;
    }

    // ---- on the delivery thread ----

    private void onView(View v) {
        view = v;
        List<Member> members = v.getMembers().stream().map(JGroupsBus::memberOf).toList();
        addresses.viewInstalled(v);
        members.stream().filter(m -> config.node(m.name()).isEmpty()).forEach(m -> at(Level.WARN)
                .log("Node {} is not in the cluster configuration: it has no vote", m));
        quorum = quorum.afterView(names(members));
        if (heldForDevice != null) {
            heldForDevice.cancel(false);
            heldForDevice = null;
        }
        if (device != null) {
            device.partitionChanged(v.getViewId().getId(), names(members));
            if (quorum.deviceDecides(names(members)) && device.reachable() && !device.votesFor(names(members))) {
                // The witness decides this partition's quorum and answers within a few ms: publishing
                // now would flap quorum (and stop resources) for nothing. Wait for it, at most a token.
                heldMerged = v instanceof MergeView;
                at(Level.DEBUG).log("View {}: waiting for the quorum device's answer", v.getViewId().getId());
                heldForDevice = delivery.schedule(() -> guarded(this::releaseHeldView), config.token().toMillis(),
                        TimeUnit.MILLISECONDS);
                askForReleaseWhileWaiting();
                return;
            }
        }
        publish(v instanceof MergeView);
        askForReleaseWhileWaiting();
    }

    /** The device answered (or its vote lapsed): publish a held view, or recompute quorum. */
    private void deviceAnswered() {
        if (heldForDevice != null) {
            releaseHeldView();
        } else {
            recompute();
        }
    }

    private void releaseHeldView() {
        if (heldForDevice != null) {
            heldForDevice.cancel(false);
            heldForDevice = null;
        }
        publish(heldMerged);
    }

    private List<Member> viewMembers() {
        return view.getMembers().stream().map(JGroupsBus::memberOf).toList();
    }

    private void askForReleaseWhileWaiting() {
        if (releaseAsks != null) {
            releaseAsks.cancel(false);
            releaseAsks = null;
        }
        if (quorum.waitingForAll() && view.size() > 1) {
            long every = config.token().toMillis();
            releaseAsks = delivery.scheduleWithFixedDelay(() -> guarded(this::askForRelease), 0, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void askForRelease() {
        for (Address a : view.getMembers()) {
            if (!memberOf(a).equals(self)) {
                trySend(a, KIND_RELEASE_ASK);
            }
        }
    }

    private void onMessage(Address src, byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        if (bytes[0] == KIND_RELEASE_ASK) {
            if (!quorum.waitingForAll() && membership != null && membership.quorate()) {
                trySend(src, KIND_RELEASED);
            }
            return;
        }
        if (bytes[0] == KIND_RELEASED) {
            if (quorum.waitingForAll() && view != null && view.containsMember(src)) {
                at(Level.INFO).log("Node {} has seen all nodes and is quorate: no longer waiting for all", memberOf(src));
                quorum = quorum.released();
                askForReleaseWhileWaiting();
                recompute();
            }
            return;
        }
        addresses.heardFrom(src);
        deliver(memberOf(src), Arrays.copyOfRange(bytes, 1, bytes.length));
    }

    private void deliver(Member from, byte[] payload) {
        for (MessageHandler h : handlers) {
            try {
                h.receive(from, payload);
            } catch (RuntimeException e) {
                at(Level.ERROR).setCause(e).log("A message handler failed on a message from {}", from);
            }
        }
    }

    private void recompute() {
        if (view != null && heldForDevice == null) {
            publish(false);
        }
    }

    private void publish(boolean merged) {
        List<Member> members = view.getMembers().stream().map(JGroupsBus::memberOf).toList();
        boolean quorate = quorum.isQuorate(names(members), device != null && device.votesFor(names(members)));
        Optional<Member> dc = quorate || noQuorumIgnore ? Optional.of(members.get(0)) : Optional.empty();
        Membership next = new Membership(view.getViewId().getId(), members, quorate, dc);
        Optional<Membership> before = Optional.ofNullable(membership);
        if (before.isPresent() && before.get().equals(next)) {
            return;
        }
        membership = next;
        for (String line : MembershipLog.changes(before, next, merged)) {
            log.atInfo().addKeyValue("node", self).addKeyValue("view", next.viewId())
                    .addKeyValue("dc", dc.map(Member::name).orElse("none")).log(line);
        }
        if (quorum.waitingForAll() && !quorate) {
            at(Level.INFO).log("Waiting for all nodes to be seen once (wait_for_all): {} of {} present",
                    quorum.votes(names(members)), config.nodes().size());
        }
        firstMembership.complete(next);
        for (Consumer<Membership> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                at(Level.ERROR).setCause(e).log("A membership listener failed");
            }
        }
    }

    // ---- helpers ----

    private void send(Address dest, byte kind, byte[] payload) {
        JChannel ch = channel;
        if (ch == null || stopping) {
            throw new IllegalStateException("node " + self + ": the bus is " + (ch == null ? "not started" : "closed"));
        }
        byte[] framed = new byte[payload.length + 1];
        framed[0] = kind;
        System.arraycopy(payload, 0, framed, 1, payload.length);
        try {
            ch.send(new BytesMessage(dest, framed));
        } catch (Exception e) {
            throw new IllegalStateException("node " + self + ": cannot send to "
                    + (dest == null ? "the cluster" : dest) + ": " + e.getMessage(), e);
        }
    }

    private void submit(Runnable task) {
        try {
            delivery.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("node {}: bus stopped, dropping a callback", self);
        }
    }

    /** Runs a delivery-thread task unless the bus is stopping; a failure is logged, never fatal. */
    private void guarded(Runnable task) {
        if (stopping) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            at(Level.ERROR).setCause(e).log("Internal error on the delivery thread");
        }
    }

    /** A one-byte control message; failure (the bus is closing) only matters to the log. */
    private void trySend(Address dest, byte kind) {
        try {
            send(dest, kind, new byte[0]);
        } catch (IllegalStateException e) {
            at(Level.DEBUG).log("Cannot send a quorum message to {}: {}", memberOf(dest), e.getMessage());
        }
    }

    private void shutDownDelivery() {
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
                at(Level.WARN).log("The delivery thread did not finish within 5 s; a listener may be blocking");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Member memberOf(Address a) { return AddressBook.memberOf(a); }

    private static List<String> names(List<Member> members) {
        return members.stream().map(Member::name).toList();
    }

    /** A log event with the {@code node} and {@code view} keys. */
    private LoggingEventBuilder at(Level level) {
        LoggingEventBuilder b = log.atLevel(level).addKeyValue("node", self);
        Membership m = membership;
        return m == null ? b : b.addKeyValue("view", m.viewId());
    }
}
