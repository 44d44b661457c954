package pacer.fencing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import pacer.agents.AgentClock;
import pacer.agents.AgentHost;
import pacer.agents.AgentRunner;
import pacer.agents.ResourceAgents;
import pacer.agents.RunnerSettings;
import pacer.agents.ScheduledExecutorTimers;

/**
 * Tiny fence agents of our own, written into a temp dir and run through the real
 * {@link ResourceAgents}: each records every call (its stdin on one line) in {@code NAME.log}.
 */
final class ScriptFenceAgents implements AutoCloseable {
    final Path dir;
    final ScheduledExecutorTimers timers = ScheduledExecutorTimers.singleThread("test-agent-timers");
    final ResourceAgents agents;

    ScriptFenceAgents(Path dir) {
        this.dir = dir;
        AgentHost host = new AgentHost(dir.resolve("ocf"), dir.resolve("init.d"), dir.resolve("sbin"),
                dir.resolve("bin/systemctl"), false);
        RunnerSettings settings = RunnerSettings.detect().withSpoolDir(dir.resolve("spool"));
        agents = new ResourceAgents(host, new AgentRunner(AgentClock.system(), timers, settings));
    }

    /** An agent whose fencing actions run {@code fenceBody}; list prints {@code listed}; status/monitor succeed. */
    void agent(String name, String fenceBody, String listed) {
        Path log = dir.resolve(name + ".log");
        write(dir.resolve("sbin").resolve(name), """
                #!/bin/sh
                in=$(cat)
                echo "$in" | tr '\\n' ' ' >> "%s"; echo >> "%s"
                action=$(echo "$in" | sed -n 's/^action=//p')
                case "$action" in
                  off|reboot|on) %s ;;
                  list) %s ;;
                  *) exit 0 ;;
                esac
                """.formatted(log, log, fenceBody, listed.isEmpty() ? "exit 1" : "printf '" + listed + "\\n'; exit 0"));
    }

    void succeeding(String name) { agent(name, "echo 'Success: Powered OFF'; exit 0", ""); }

    void failing(String name) { agent(name, "echo 'ERROR: Unable to connect to the fence device' >&2; exit 1", ""); }

    void hanging(String name) { agent(name, "exec sleep 600", ""); }

    /** Fails its first {@code failures} fencing calls, then succeeds. */
    void flaky(String name, int failures) {
        Path count = dir.resolve(name + ".count");
        agent(name, """
                n=$(cat "%s" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "%s"
                  if [ $n -le %d ]; then echo "ERROR: device busy (call $n)" >&2; exit 1; fi; exit 0""".formatted(
                count, count, failures), "");
    }

    /** Touches {@code NAME.started}, then waits for {@code NAME.gate} to exist before succeeding. */
    void gated(String name) {
        Path started = dir.resolve(name + ".started");
        Path gate = dir.resolve(name + ".gate");
        agent(name, """
                touch "%s"; i=0; while [ ! -e "%s" ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done; exit 0"""
                .formatted(started, gate), "");
    }

    void open(String name) { write(dir.resolve(name + ".gate"), ""); }

    boolean started(String name) { return Files.exists(dir.resolve(name + ".started")); }

    /** Every call of {@code name}, its stdin on one line each. */
    List<String> calls(String name) {
        try {
            Path log = dir.resolve(name + ".log");
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls of {@code name} for {@code action}. */
    List<String> calls(String name, String action) {
        return calls(name).stream().filter(l -> l.startsWith("action=" + action + " ")).toList();
    }

    static void write(Path file, String body) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, body);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a result; the bound only keeps a broken test from hanging, it asserts no duration. */
    static <T> T get(CompletableFuture<T> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }

    @Override public void close() { timers.close(); }
}
