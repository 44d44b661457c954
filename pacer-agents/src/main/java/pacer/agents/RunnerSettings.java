package pacer.agents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How {@link AgentRunner} runs processes.
 *
 * @param setsid util-linux {@code setsid}, to start each agent in a session (and process group)
 *     of its own; without it a timeout can only reach the agent's current descendants
 * @param kill the {@code kill} command, to signal a whole process group (the JDK signals single
 *     processes only)
 * @param killGrace time between TERM and KILL after a timeout or a cancel
 * @param outputTailBytes how much of the end of stdout and of stderr a result keeps
 * @param spoolDir where agent output is written while it runs (deleted after)
 */
public record RunnerSettings(Optional<Path> setsid, Optional<Path> kill, Duration killGrace,
                             int outputTailBytes, Path spoolDir) {
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(5);
    public static final int DEFAULT_TAIL_BYTES = 4096;

    public RunnerSettings {
        if (killGrace.isNegative()) throw new IllegalArgumentException("negative kill grace");
        if (outputTailBytes < 0) throw new IllegalArgumentException("negative output tail");
    }

    /** setsid and kill found on the usual paths, defaults elsewhere, spooling to the temp dir. */
    public static RunnerSettings detect() {
        return new RunnerSettings(findExecutable("setsid"), findExecutable("kill"), DEFAULT_KILL_GRACE,
                DEFAULT_TAIL_BYTES, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public RunnerSettings withKillGrace(Duration grace) {
        return new RunnerSettings(setsid, kill, grace, outputTailBytes, spoolDir);
    }

    public RunnerSettings withoutSetsid() {
        return new RunnerSettings(Optional.empty(), kill, killGrace, outputTailBytes, spoolDir);
    }

    public RunnerSettings withOutputTailBytes(int bytes) {
        return new RunnerSettings(setsid, kill, killGrace, bytes, spoolDir);
    }

    public RunnerSettings withSpoolDir(Path dir) {
        return new RunnerSettings(setsid, kill, killGrace, outputTailBytes, dir);
    }

    private static Optional<Path> findExecutable(String name) {
        return Stream.of("/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/")
                .map(dir -> Path.of(dir + name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
