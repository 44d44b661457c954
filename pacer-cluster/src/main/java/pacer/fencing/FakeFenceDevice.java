package pacer.fencing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * <b>For tests.</b> A {@link Fencer} double whose behaviour the test sets, for controller tests on
 * a {@code TestCluster} (shipped in main sources as a product fake, after OkHttp's
 * {@code mockwebserver}): each target can be made to {@link Behaviour#SUCCEED}, {@link Behaviour#FAIL}
 * or {@link Behaviour#HANG} (never answer until {@link #release}), every request is recorded, and a
 * hook runs on each success, for example to crash the fenced node's in-JVM bus:
 *
 * <pre>
 * FakeFenceDevice fencer = new FakeFenceDevice();
 * fencer.onSuccess(result -&gt; cluster.crash(result.target()));
 * fencer.behave("n3", FakeFenceDevice.Behaviour.FAIL);
 * ... run the controller ...
 * assertThat(fencer.requestsFor("n2")).hasSize(1);   // fenced exactly once
 * </pre>
 *
 * <p>Unlike {@link StonithFencer}, it does not join duplicate requests: each request is answered
 * on its own and recorded, so a test sees exactly how often the controller asked.
 *
 * <p>Thread-safe (one lock). Results complete, and the success hook runs, on the executor given to
 * the constructor (by default the common pool, so never on the caller's thread), never under the
 * lock; the hook runs before the request's future completes, so a controller that continues after
 * fencing sees the node already gone. A hook that throws completes the future exceptionally (a
 * broken test should not look like a fenced node).
 */
public final class FakeFenceDevice implements Fencer {
    /** What the fake does with a request. */
    public enum Behaviour {
        /** Answers success (after running the success hook). */
        SUCCEED,
        /** Answers failure with the configured detail. */
        FAIL,
        /** Never answers until {@link #release} is called. */
        HANG
    }

    /** One request as the fake received it, in arrival order ({@code sequence} from 1). */
    public record Request(int sequence, String target, FenceAction action, String reason) { }

    private record Hung(Request request, CompletableFuture<FenceResult> result) { }

    private final Executor executor;
    private final Clock clock;
    private final Object lock = new Object();
    /** Guarded by {@code lock}, as are all fields below. */
    private Behaviour defaultBehaviour = Behaviour.SUCCEED;
    private final Map<String, Behaviour> byTarget = new HashMap<>();
    private String failureDetail = "fake fence device told to fail";
    private Consumer<FenceResult> onSuccess = r -> { };
    private final List<Request> requests = new ArrayList<>();
    private final List<Hung> hung = new ArrayList<>();

    /** Answers on the common pool, stamped with the system clock. */
    public FakeFenceDevice() { this(ForkJoinPool.commonPool(), Clock.systemUTC()); }

    public FakeFenceDevice(Executor executor, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What every target without its own behaviour gets (initially {@link Behaviour#SUCCEED}). */
    public FakeFenceDevice behaveByDefault(Behaviour behaviour) {
        synchronized (lock) { defaultBehaviour = Objects.requireNonNull(behaviour); }
        return this;
    }

    /** What requests for {@code target} get from now on. */
    public FakeFenceDevice behave(String target, Behaviour behaviour) {
        synchronized (lock) { byTarget.put(target, Objects.requireNonNull(behaviour)); }
        return this;
    }

    /** The detail of failure results. */
    public FakeFenceDevice failWith(String detail) {
        synchronized (lock) { failureDetail = Objects.requireNonNull(detail); }
        return this;
    }

    /** Runs {@code hook} with each successful result, before the request's future completes. */
    public FakeFenceDevice onSuccess(Consumer<FenceResult> hook) {
        synchronized (lock) { onSuccess = Objects.requireNonNull(hook); }
        return this;
    }

    @Override public CompletableFuture<FenceResult> fence(String target, FenceAction action, String reason) {
        CompletableFuture<FenceResult> result = new CompletableFuture<>();
        Behaviour behaviour;
        Request request;
        synchronized (lock) {
            request = new Request(requests.size() + 1, target, action, reason);
            requests.add(request);
            behaviour = byTarget.getOrDefault(target, defaultBehaviour);
            if (behaviour == Behaviour.HANG) hung.add(new Hung(request, result));
        }
        if (behaviour != Behaviour.HANG) answer(request, behaviour == Behaviour.SUCCEED, result);
        return result;
    }

    /**
     * Answers every hung request for {@code target}: success (running the hook) or failure.
     *
     * @return how many requests were answered
     */
    public int release(String target, boolean success) {
        List<Hung> released = new ArrayList<>();
        synchronized (lock) {
            for (Iterator<Hung> it = hung.iterator(); it.hasNext(); ) {
                Hung h = it.next();
                if (h.request().target().equals(target)) {
                    released.add(h);
                    it.remove();
                }
            }
        }
        released.forEach(h -> answer(h.request(), success, h.result()));
        return released.size();
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        synchronized (lock) { return List.copyOf(requests); }
    }

    /** The requests for {@code target}, in arrival order. */
    public List<Request> requestsFor(String target) {
        return requests().stream().filter(r -> r.target().equals(target)).toList();
    }

    /** Requests that are hanging now. */
    public List<Request> hanging() {
        synchronized (lock) { return hung.stream().map(Hung::request).toList(); }
    }

    private void answer(Request request, boolean success, CompletableFuture<FenceResult> result) {
        executor.execute(() -> {
            Consumer<FenceResult> hook;
            String detail;
            synchronized (lock) {
                hook = onSuccess;
                detail = failureDetail;
            }
            FenceResult r = new FenceResult(request.target(), request.action(), success, "fake",
                    success ? "fenced by the fake fence device" : detail, clock.instant());
            try {
                if (success) hook.accept(r);
                result.complete(r);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }
}
