package pacer.fencing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.Configuration;
import pacer.cib.FencingLevel;

/**
 * Carries out one fencing operation against one configuration: chooses the devices and runs them.
 *
 * <ol>
 *   <li>With a fencing topology for the target ({@link Topology}), its levels in index order:
 *       every device of a level must succeed, in the level's order; when one fails, the next level
 *       is tried. A reboot through a level of several devices is done as Pacemaker does it:
 *       {@code off} on each, then {@code on} on each (a failed {@code on} is reported but does not
 *       undo the fencing).
 *   <li>Without one, every enabled device that can fence the target ({@link TargetCheck}), in
 *       configuration order, each as a level of its own.
 * </ol>
 * Each device runs with its own action timeout, retries and delay ({@link DeviceRunner}).
 *
 * <p>Threading: fencer thread only; the returned future completes there.
 */
final class FenceExecution {
    private static final Logger log = LoggerFactory.getLogger(FenceExecution.class);

    /** How an operation ended. {@code device} is the device that succeeded, or the last one tried. */
    record Verdict(boolean success, String device, String detail) { }

    private final DeviceRunner runner;
    private final TargetCheck check;
    private final RandomGenerator random;

    FenceExecution(DeviceRunner runner, TargetCheck check, RandomGenerator random) {
        this.runner = runner;
        this.check = check;
        this.random = random;
    }

    CompletableFuture<Verdict> execute(Configuration config, String target, FenceAction action) {
        FencingOptions options = FencingOptions.of(config);
        Map<String, FenceDevice> devices = FenceDevice.all(config);
        List<FencingLevel> topology = Topology.levelsFor(config, target);
        if (!topology.isEmpty()) {
            List<List<String>> levels = topology.stream().map(FencingLevel::devices).toList();
            return walk(levels, 0, devices, options, target, action, new ArrayList<>());
        }
        List<FenceDevice> enabled = devices.values().stream().filter(FenceDevice::enabled).toList();
        return capable(enabled, 0, target, options.timeout(), new ArrayList<>()).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(new Verdict(false, "",
                        "no fence device can fence " + target + (devices.isEmpty() ? " (none is configured)" : "")));
            }
            List<List<String>> levels = found.stream().map(d -> List.of(d.id())).toList();
            return walk(levels, 0, devices, options, target, action, new ArrayList<>());
        });
    }

    /** The devices among {@code candidates} from {@code i} on that can fence the target, checked one by one. */
    private CompletableFuture<List<FenceDevice>> capable(List<FenceDevice> candidates, int i, String target,
                                                        Duration timeout, List<FenceDevice> found) {
        if (i >= candidates.size()) return CompletableFuture.completedFuture(found);
        FenceDevice device = candidates.get(i);
        return check.canFence(device, target, timeout).thenCompose(can -> {
            if (can) found.add(device);
            return capable(candidates, i + 1, target, timeout, found);
        });
    }

    private CompletableFuture<Verdict> walk(List<List<String>> levels, int i, Map<String, FenceDevice> devices,
                                            FencingOptions options, String target, FenceAction action,
                                            List<Verdict> failures) {
        if (i >= levels.size()) {
            String last = failures.isEmpty() ? "" : failures.get(failures.size() - 1).device();
            List<String> details = failures.stream().map(Verdict::detail).toList();
            return CompletableFuture.completedFuture(new Verdict(false, last,
                    "every way to fence " + target + " failed: " + String.join("; ", details)));
        }
        List<FenceDevice> level = new ArrayList<>();
        for (String id : levels.get(i)) {
            FenceDevice device = devices.get(id);
            if (device == null || !device.enabled()) {
                failures.add(new Verdict(false, id,
                        id + ": " + (device == null ? "no such fence device" : "disabled (target-role=Stopped)")));
                return walk(levels, i + 1, devices, options, target, action, failures);
            }
            level.add(device);
        }
        return runLevel(level, options, target, action).thenCompose(verdict -> {
            if (verdict.success()) return CompletableFuture.completedFuture(verdict);
            failures.add(verdict);
            if (i + 1 < levels.size()) log.warn("Fencing {} with level {} failed, trying the next: {}", target, i + 1, verdict.detail());
            return walk(levels, i + 1, devices, options, target, action, failures);
        });
    }

    private CompletableFuture<Verdict> runLevel(List<FenceDevice> level, FencingOptions options, String target,
                                                FenceAction action) {
        if (action == FenceAction.REBOOT && level.size() > 1) {
            return runAll(level, 0, "off", options, target, new ArrayList<>()).thenCompose(off -> {
                if (!off.success()) return CompletableFuture.completedFuture(off);
                return runAll(level, 0, "on", options, target, new ArrayList<>()).thenApply(on -> on.success() ? on
                        : new Verdict(true, off.device(), off.detail() + "; turning it back on failed: " + on.detail()));
            });
        }
        return runAll(level, 0, action.word(), options, target, new ArrayList<>());
    }

    /** Runs {@code action} on the devices from {@code i} on, stopping at the first failure. */
    private CompletableFuture<Verdict> runAll(List<FenceDevice> level, int i, String action, FencingOptions options,
                                              String target, List<String> details) {
        FenceDevice device = level.get(i);
        Duration delay = action.equals("on") ? Duration.ZERO : device.delay(target, random);
        return runner.run(device, action, device.paramsFor(target), device.timeout(action, options.timeout()),
                device.retries(action), delay).thenCompose(done -> {
                    details.add(done.detail());
                    if (!done.ok()) return CompletableFuture.completedFuture(new Verdict(false, device.id(), done.detail()));
                    if (i + 1 < level.size()) return runAll(level, i + 1, action, options, target, details);
                    String ids = String.join(",", level.stream().map(FenceDevice::id).toList());
                    return CompletableFuture.completedFuture(new Verdict(true, ids, String.join("; ", details)));
                });
    }
}
