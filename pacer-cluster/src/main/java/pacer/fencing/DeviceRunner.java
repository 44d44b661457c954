package pacer.fencing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.agents.AgentClock;
import pacer.agents.AgentExecution;
import pacer.agents.AgentRequest;
import pacer.agents.AgentResult;
import pacer.agents.ExecStatus;
import pacer.agents.OcfExitCode;
import pacer.agents.Outcome;

/**
 * Runs one action of one fence device through {@code pacer-agents}, as Pacemaker's fencer does:
 * an optional delay first, then up to {@code 1 + retries} attempts that together must fit in the
 * action's timeout (each attempt gets the time that is left, so an attempt that timed out leaves
 * none for another).
 *
 * <p>Threading: called on the fencer thread; every future it returns completes on the fencer
 * thread (results from the agents' reaper thread hop back to it).
 */
final class DeviceRunner {
    private static final Logger log = LoggerFactory.getLogger(DeviceRunner.class);

    /** What one device did: the last attempt's result and how many attempts were made. */
    record DeviceResult(FenceDevice device, String action, AgentResult result, int attempts) {
        boolean ok() { return result.isOk(); }

        /** The agent's words: {@code fence_ipmilan off: error (Done): Unable to connect}. */
        String detail() {
            String words = result.toString();
            String tail = lastLine(result.stdoutTail());
            if (result.isOk() && !tail.isEmpty()) words = words + ": " + tail;
            return device.id() + " " + action + ": " + words + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
        }
    }

    private final AgentExecution agents;
    private final AgentClock clock;
    private final ScheduledExecutorService thread;

    DeviceRunner(AgentExecution agents, AgentClock clock, ScheduledExecutorService thread) {
        this.agents = agents;
        this.clock = clock;
        this.thread = thread;
    }

    /**
     * @param action the fence-agent action word ({@code off}, {@code list}, ...); the device's
     *     {@code pcmk_<action>_action} renames it when the agent runs
     * @param params the agent's parameters, the target's already in them
     */
    CompletableFuture<DeviceResult> run(FenceDevice device, String action, Map<String, String> params, Duration timeout,
                                   int retries, Duration delay) {
        CompletableFuture<DeviceResult> out = new CompletableFuture<>();
        Runnable first = () -> attempt(device, action, params, clock.nanoTime() + timeout.toNanos(), timeout,
                retries, 1, out);
        if (delay.isZero() || delay.isNegative()) {
            first.run();
        } else {
            log.info("Delaying {} of {} by {} ms (pcmk_delay_base/pcmk_delay_max)", action, device.id(), delay.toMillis());
            thread.schedule(first, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        return out;
    }

    /** @param budget this attempt's timeout: the whole timeout for the first, what is left for the others */
    private void attempt(FenceDevice device, String action, Map<String, String> params, long deadline,
                         Duration budget, int retriesLeft, int attempt, CompletableFuture<DeviceResult> out) {
        CompletableFuture<AgentResult> result;
        try {
            AgentRequest request = AgentRequest.of(device.id(), device.agent(), action, budget, params);
            result = agents.execute(request);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenCompleteAsync((r, error) -> {
            AgentResult answer = r != null ? r : failure(error);
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - clock.nanoTime());
            if (!answer.isOk() && retriesLeft > 0 && answer.status() != ExecStatus.TIMEOUT && leftMs > 0) {
                log.warn("{} of {} failed (attempt {}), retrying: {}", action, device.id(), attempt, answer);
                attempt(device, action, params, deadline, Duration.ofMillis(leftMs), retriesLeft - 1, attempt + 1, out);
            } else {
                out.complete(new DeviceResult(device, action, answer, attempt));
            }
        }, thread);
    }

    private AgentResult failure(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return AgentResult.immediate(new Outcome(ExecStatus.ERROR, OcfExitCode.UNKNOWN_ERROR,
                "could not run the fence agent: " + cause.getMessage()), clock.now());
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
