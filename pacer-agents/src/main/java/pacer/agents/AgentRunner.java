package pacer.agents;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one {@link AgentCommand} as a process in a process group of its own, with a timeout.
 *
 * <p>On timeout the whole group (and every descendant seen) gets TERM, then KILL after
 * {@link RunnerSettings#killGrace()}, and the result is {@link ExecStatus#TIMEOUT}. Pacemaker
 * sends KILL at once; TERM first gives agents a chance to clean up, and the grace is short.
 * Output goes to spool files, and the result keeps the bounded tail of each plus the OCF exit
 * reason. A missing executable is {@link ExecStatus#NOT_INSTALLED} naming the path, without
 * starting anything.
 *
 * <p>Thread-safe and stateless between calls: every action's state lives in its
 * {@link RunningAgent}. Timeouts run on the injected {@link AgentTimers}; durations and start
 * times come from the injected {@link AgentClock}.
 */
public final class AgentRunner {
    private final AgentClock clock;
    private final AgentTimers timers;
    private final RunnerSettings settings;

    public AgentRunner(AgentClock clock, AgentTimers timers, RunnerSettings settings) {
        this.clock = clock;
        this.timers = timers;
        this.settings = settings;
    }

    /** Starts the command; never throws for a problem of the agent's (that is in the result). */
    public RunningAgent start(AgentCommand command) {
        Instant startedAt = clock.now();
        Path exe = command.executable();
        if (!Files.exists(exe)) {
            return RunningAgent.completed(Outcome.notInstalled(exe + ": No such file or directory"), startedAt);
        }
        if (Files.isDirectory(exe)) {
            return RunningAgent.completed(Outcome.notInstalled(exe + ": Is a directory"), startedAt);
        }
        if (!Files.isExecutable(exe)) {
            return RunningAgent.completed(new Outcome(ExecStatus.ERROR, OcfExitCode.INSUFFICIENT_PRIV,
                    exe + ": Permission denied"), startedAt);
        }
        AgentOutput output;
        try {
            output = AgentOutput.create(settings.spoolDir(), command.stdin());
        } catch (IOException e) {
            return RunningAgent.completed(new Outcome(ExecStatus.ERROR, OcfExitCode.UNKNOWN_ERROR,
                    "cannot create output files in " + settings.spoolDir() + ": " + e.getMessage()), startedAt);
        }
        long t0 = clock.nanoTime();
        Process process;
        try {
            process = processBuilder(command, output).start();
        } catch (IOException e) {
            output.delete();
            return RunningAgent.completed(new Outcome(ExecStatus.ERROR, OcfExitCode.UNKNOWN_ERROR,
                    exe + ": " + e.getMessage()), startedAt);
        }
        return watch(command, process, output, startedAt, t0);
    }

    /** Runs the command and waits for its result (at most its timeout plus the kill grace). */
    public AgentResult run(AgentCommand command) {
        return start(command).result().join();
    }

    private RunningAgent watch(AgentCommand command, Process process, AgentOutput output, Instant startedAt, long t0) {
        ProcessTree tree = new ProcessTree(process.toHandle(), settings.setsid().isPresent(), settings.kill());
        Runnable stopper = () -> {
            tree.signal(ProcessTree.Signal.TERM);
            timers.schedule(settings.killGrace(), () -> tree.signal(ProcessTree.Signal.KILL));
        };
        CompletableFuture<AgentResult> result = new CompletableFuture<>();
        RunningAgent running = RunningAgent.started(tree.pid(), result, stopper);
        // An agent that has exited but whose exit is not yet delivered is not timed out: its group
        // may hold a daemon it legitimately started.
        AgentTimers.Cancellable timeout = timers.schedule(command.timeout(), () -> {
            if (process.isAlive()) running.expire();
        });
        process.onExit().whenComplete((p, error) -> {
            timeout.cancel();
            try {
                RunningAgent.State state = running.finish();
                Outcome outcome = outcome(command, state, process, output);
                result.complete(new AgentResult(outcome.status(), outcome.rc(), outcome.exitReason(),
                        output.stdoutTail(stdoutBytes(command)), output.stderrTail(settings.outputTailBytes()),
                        startedAt, Duration.ofNanos(clock.nanoTime() - t0)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                output.delete();
            }
        });
        return running;
    }

    private Outcome outcome(AgentCommand command, RunningAgent.State state, Process process, AgentOutput output) {
        return switch (state) {
            case TIMED_OUT -> new Outcome(ExecStatus.TIMEOUT, OcfExitCode.UNKNOWN_ERROR,
                    command.description() + " did not complete within " + readable(command.timeout()));
            case CANCELLED -> new Outcome(ExecStatus.CANCELLED, OcfExitCode.OK, "");
            case RUNNING, FINISHED -> {
                int tail = Math.max(stdoutBytes(command), 1024);
                Outcome o = command.interpreter().interpret(process.exitValue(), output.stdoutTail(tail),
                        output.stderrTail(tail));
                yield command.readsExitReason() ? output.exitReason().map(o::withReason).orElse(o) : o;
            }
        };
    }

    /** {@code 20s}, or {@code 1500ms} where seconds would round. */
    static String readable(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }

    private int stdoutBytes(AgentCommand command) {
        return command.stdoutBytes() > 0 ? command.stdoutBytes() : settings.outputTailBytes();
    }

    /** A result for an action that needs no process, stamped with the injected clock. */
    RunningAgent answer(Outcome outcome) {
        return RunningAgent.completed(outcome, clock.now());
    }

    private ProcessBuilder processBuilder(AgentCommand command, AgentOutput output) {
        List<String> argv = new ArrayList<>();
        settings.setsid().ifPresent(s -> {
            argv.add(s.toString());
            argv.add("--wait");
        });
        argv.add(command.executable().toString());
        argv.addAll(command.arguments());
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("OCF_"));
        env.putAll(command.environment());
        pb.redirectInput(command.stdin().isEmpty() ? new File("/dev/null") : output.stdin().toFile());
        pb.redirectOutput(output.stdout().toFile());
        pb.redirectError(output.stderr().toFile());
        pb.directory(new File("/"));
        return pb;
    }
}
