package pacer.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import pacer.membership.ClusterBus;
import pacer.membership.Member;
import pacer.membership.Membership;

/**
 * A {@link ClusterBus} on a {@link FakeNetwork}. Like the real one, it delivers messages and views
 * on its own delivery thread, one at a time, in the order the network queued them. Closing it is
 * a leave (or a crash: the others cannot tell).
 */
final class FakeClusterBus implements ClusterBus {
    private final FakeNetwork network;
    private final Member self;
    private final ExecutorService delivery;
    private final AtomicInteger pending = new AtomicInteger();
    private final List<Consumer<Membership>> listeners = new CopyOnWriteArrayList<>();
    private volatile MessageHandler handler = (from, payload) -> { };
    private volatile Membership membership;

    FakeClusterBus(FakeNetwork network, Member self) {
        this.network = network;
        this.self = self;
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bus-" + self.name());
            t.setDaemon(true);
            return t;
        });
    }

    @Override public Member self() { return self; }

    @Override public Membership membership() { return membership; }

    @Override public void start() { network.joined(this); }

    @Override public void broadcast(byte[] payload) { network.broadcast(self, payload); }

    @Override public void send(Member to, byte[] payload) { network.send(self, to, payload); }

    @Override public void onMessage(MessageHandler h) { this.handler = h; }

    @Override public void onMembership(Consumer<Membership> listener) { listeners.add(listener); }

    @Override public void close() {
        network.left(self.name());
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Messages and views queued but not yet handed to the handler. */
    int pending() { return pending.get(); }

    void deliver(Member from, byte[] payload) {
        enqueue(() -> handler.receive(from, payload));
    }

    void deliverView(Membership m) {
        membership = m;
        enqueue(() -> listeners.forEach(l -> l.accept(m)));
    }

    private void enqueue(Runnable r) {
        if (delivery.isShutdown()) return;
        pending.incrementAndGet();
        delivery.execute(() -> {
            try {
                r.run();
            } finally {
                pending.decrementAndGet();
            }
        });
    }
}
