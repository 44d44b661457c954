package pacer.controller;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import pacer.agents.AgentExecution;
import pacer.agents.AgentRequest;
import pacer.agents.AgentResult;
import pacer.agents.AgentStandard;
import pacer.agents.ExecStatus;
import pacer.agents.OcfExitCode;

/**
 * Gives each test node its own Dummy state files: the {@code state} parameter becomes
 * {@code DIR/RSC.state}, so three nodes in one JVM (one file system) do not see each other's
 * resources. The request the executor digests is the CIB's; only the agent sees the rewrite.
 */
final class PerNodeState implements AgentExecution {
    private final AgentExecution agents;
    private final Path dir;
    private final Set<String> devices = new HashSet<>();
    /** Resource → the gate its next starts wait for (a slow start, opened by the test). */
    final Map<String, CompletableFuture<Void>> startGates = new ConcurrentHashMap<>();
    /** Resource → how many starts reached the agent wrapper. */
    final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();

    PerNodeState(AgentExecution agents, Path dir) {
        this.agents = agents;
        this.dir = dir;
    }

    /**
     * The fake fence device: Pacemaker's executor never runs a fence agent for start or stop (the
     * fencer registers the device), so this one keeps "registered" in memory.
     */
    private synchronized AgentResult fenceDevice(AgentRequest r) {
        OcfExitCode rc = OcfExitCode.OK;
        switch (r.action()) {
            case "start" -> devices.add(r.resourceId());
            case "stop" -> devices.remove(r.resourceId());
            case "monitor" -> rc = devices.contains(r.resourceId()) ? OcfExitCode.OK : OcfExitCode.NOT_RUNNING;
            default -> { }
        }
        return new AgentResult(ExecStatus.DONE, rc, "", "", "", Instant.now(), Duration.ZERO);
    }

    static Path stateFile(Path dir, String resource) { return dir.resolve(resource.replace(':', '_') + ".state"); }

    @Override public CompletableFuture<AgentResult> execute(AgentRequest r) {
        if (r.agent().standard() == AgentStandard.STONITH) return CompletableFuture.completedFuture(fenceDevice(r));
        Map<String, String> params = new HashMap<>(r.params());
        if (params.containsKey("state")) params.put("state", stateFile(dir, r.resourceId()).toString());
        AgentRequest rewritten = new AgentRequest(r.resourceId(), r.agent(), r.action(), r.intervalMs(), r.timeout(), params,
                r.meta());
        if (!r.action().equals("start")) return agents.execute(rewritten);
        starts.computeIfAbsent(r.resourceId(), k -> new AtomicInteger()).incrementAndGet();
        CompletableFuture<Void> gate = startGates.getOrDefault(r.resourceId(), CompletableFuture.completedFuture(null));
        return gate.thenCompose(v -> agents.execute(rewritten));
    }
}
