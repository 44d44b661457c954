package pacer.fencing;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.agents.AgentClock;
import pacer.agents.OcfExitCode;

/**
 * Decides whether a device can fence a target, by its {@code pcmk_host_check}:
 * {@code static-list} (the target is in {@code pcmk_host_list} or {@code pcmk_host_map}),
 * {@code dynamic-list} (the agent's {@code list} action names the target or its plug),
 * {@code status} (the agent's {@code status} action for the target answers on or off), or
 * {@code none} (any target). Unset, it is Pacemaker's default: static when a list or map is
 * given, else the list action if it answers, else the status action if it answers, else any.
 *
 * <p>The {@code list} output (one target per line, or {@code plug,alias} lines) is cached per
 * device configuration for {@link #LIST_CACHE}, as Pacemaker caches it for a minute; a failed
 * list is not cached.
 *
 * <p>Threading: fencer thread only (the cache is not guarded otherwise); futures complete there.
 */
final class TargetCheck {
    private static final Logger log = LoggerFactory.getLogger(TargetCheck.class);
    static final Duration LIST_CACHE = Duration.ofSeconds(60);

    private record Listed(List<String> targets, long atNanos) { }

    private final DeviceRunner runner;
    private final AgentClock clock;
    /** Guarded by the fencer thread. */
    private final Map<FenceDevice, Listed> lists = new HashMap<>();

    TargetCheck(DeviceRunner runner, AgentClock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    CompletableFuture<Boolean> canFence(FenceDevice device, String target, Duration fencingTimeout) {
        return switch (device.hostCheck()) {
            case STATIC_LIST -> CompletableFuture.completedFuture(device.listsStatically(target));
            case DYNAMIC_LIST -> list(device, fencingTimeout).thenApply(l -> l.map(t -> names(t, device, target))
                    .orElse(false));
            case STATUS -> status(device, target, fencingTimeout).thenApply(s -> s.orElse(false));
            case NONE -> CompletableFuture.completedFuture(true);
            case DEFAULT -> byDefault(device, target, fencingTimeout);
        };
    }

    private CompletableFuture<Boolean> byDefault(FenceDevice device, String target, Duration fencingTimeout) {
        if (device.hasStaticList()) return CompletableFuture.completedFuture(device.listsStatically(target));
        return list(device, fencingTimeout).thenCompose(listed -> {
            if (listed.isPresent()) return CompletableFuture.completedFuture(names(listed.get(), device, target));
            return status(device, target, fencingTimeout).thenApply(answer -> answer.orElseGet(() -> {
                log.info("{} answers neither list nor status; assuming it can fence {}", device.id(), target);
                return true;
            }));
        });
    }

    private static boolean names(List<String> listed, FenceDevice device, String target) {
        return listed.contains(target) || listed.contains(device.plugFor(target));
    }

    /** The targets the agent lists, or empty when the list action failed. */
    CompletableFuture<Optional<List<String>>> list(FenceDevice device, Duration fencingTimeout) {
        Listed cached = lists.get(device);
        if (cached != null && clock.nanoTime() - cached.atNanos() < LIST_CACHE.toNanos()) {
            return CompletableFuture.completedFuture(Optional.of(cached.targets()));
        }
        return runner.run(device, "list", device.params(), device.timeout("list", fencingTimeout),
                device.retries("list"), Duration.ZERO).thenApply(done -> {
                    if (!done.ok()) {
                        log.info("{} list failed: {}", device.id(), done.result());
                        return Optional.empty();
                    }
                    List<String> targets = parseList(done.result().stdoutTail());
                    lists.put(device, new Listed(targets, clock.nanoTime()));
                    return Optional.of(targets);
                });
    }

    /** Whether the device can reach the target (on or off), or empty when status failed. */
    private CompletableFuture<Optional<Boolean>> status(FenceDevice device, String target, Duration fencingTimeout) {
        return runner.run(device, "status", device.paramsFor(target), device.timeout("status", fencingTimeout),
                device.retries("status"), Duration.ZERO).thenApply(done -> {
                    boolean answered = done.ok() || done.result().rc() == OcfExitCode.NOT_RUNNING;
                    return answered ? Optional.of(true) : Optional.empty();
                });
    }

    /** Every name in a list action's output: words separated by white space, commas or semicolons. */
    static List<String> parseList(String output) {
        String text = output.strip();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("[\\s,;]+"));
    }
}
