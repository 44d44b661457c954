package pacer.controller;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import pacer.fencing.FenceAction;
import pacer.fencing.FenceResult;
import pacer.fencing.Fencer;

/**
 * A fence device for tests: "powers off" the target through the given action (the test cluster
 * crashes the node and deletes its resources' state) before answering success, and records
 * every request; the fencing of a target can be held back ({@link #holds}). Thread-safe.
 */
final class FakeFencer implements Fencer {
    record Request(String target, FenceAction action, String reason, long nanos) {}

    private final Consumer<String> powerOff;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Target → a gate the fencing of that target waits for (the test opens it). */
    final Map<String, CompletableFuture<Void>> holds = new ConcurrentHashMap<>();

    FakeFencer(Consumer<String> powerOff) { this.powerOff = powerOff; }

    @Override public CompletableFuture<FenceResult> fence(String target, FenceAction action, String reason) {
        requests.add(new Request(target, action, reason, System.nanoTime()));
        CompletableFuture<Void> hold = holds.getOrDefault(target, CompletableFuture.completedFuture(null));
        return hold.thenApplyAsync(v -> {
            powerOff.accept(target);
            return new FenceResult(target, action, true, "fake", target + " is off", Instant.now());
        });
    }

    long count(String target) { return requests.stream().filter(r -> r.target().equals(target)).count(); }
}
