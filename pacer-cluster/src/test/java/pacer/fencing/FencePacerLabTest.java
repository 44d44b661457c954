package pacer.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.agents.AgentClock;
import pacer.agents.AgentHost;
import pacer.agents.AgentRunner;
import pacer.agents.ResourceAgents;
import pacer.agents.RunnerSettings;
import pacer.agents.ScheduledExecutorTimers;
import pacer.agents.metadata.AgentMetadata;
import pacer.agents.metadata.MetadataParser;

/**
 * {@code lab/fence_pacer_lab}, run for real. The tests that need a network namespace create their
 * own, {@code pacer-fencetest-<random>}, and delete it afterwards; they are skipped (with a
 * message) unless running as root where {@code ip netns} works.
 */
class FencePacerLabTest {
    static final Path AGENT = locate();
    @TempDir Path tmp;
    final String node = "fencetest-" + Long.toHexString(new Random().nextLong() & 0xffffffffL);
    final String namespace = "pacer-" + node;
    Process sleeper;

    record Run(int exit, String stdout, String stderr) { }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("lab/fence_pacer_lab");
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("lab/fence_pacer_lab not found above " + Path.of("").toAbsolutePath());
    }

    private Run agent(String stdin, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of(AGENT.toString()));
        argv.addAll(List.of(args));
        Path out = tmp.resolve("out"), err = tmp.resolve("err");
        Process p = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("agent finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private void requireNetns() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(root, "skipped: creating a network namespace needs root");
        assumeTrue(run("ip", "netns", "list") == 0, "skipped: 'ip netns' does not work here");
        assumeTrue(run("ip", "netns", "add", namespace) == 0, "skipped: cannot create network namespace " + namespace);
    }

    private List<Long> pids() throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "pids", namespace).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.lines().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.trim())).toList();
    }

    private void startSleeper() throws Exception {
        sleeper = new ProcessBuilder("ip", "netns", "exec", namespace, "sleep", "600").start();
        await().atMost(Duration.ofSeconds(30)).until(() -> pids().contains(sleeper.pid()));
    }

    @AfterEach void cleanUp() throws Exception {
        try {
            if (sleeper != null && sleeper.isAlive()) sleeper.destroyForcibly();
        } finally {
            if (run("ip", "netns", "list") == 0) run("ip", "netns", "del", namespace);
        }
    }

    @Test @DisplayName("off kills every process of the host's namespace, confirms it, and exits 0")
    void off() throws Exception {
        requireNetns();
        startSleeper();

        Run r = agent("action=off\nplug=" + node + "\n");

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Success");
        assertThat(sleeper.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(pids()).isEmpty();
    }

    @Test @DisplayName("status is 0 while the host runs, 2 once it is off; reboot (= off) on the command line")
    void status() throws Exception {
        requireNetns();
        startSleeper();

        assertThat(agent("", "-o", "status", "-n", node).exit()).isZero();
        assertThat(agent("action=monitor\nport=" + node + "\n").exit()).isZero();
        assertThat(agent("", "-o", "reboot", "-n", node).exit()).isZero();
        assertThat(sleeper.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Run off = agent("action=status\nnodename=" + node + "\n");
        assertThat(off.exit()).isEqualTo(2);
        assertThat(off.stdout()).contains("OFF");
        assertThat(agent("action=on\nplug=" + node + "\n").exit()).isZero();
    }

    @Test @DisplayName("list names the lab hosts without the prefix")
    void list() throws Exception {
        requireNetns();

        Run r = agent("action=list\n");

        assertThat(r.exit()).isZero();
        assertThat(r.stdout().lines()).contains(node).noneMatch(l -> l.startsWith("pacer-"));
    }

    @Test @DisplayName("The fencer fences a lab host through stonith:fence_pacer_lab")
    void throughTheFencer() throws Exception {
        requireNetns();
        startSleeper();
        AgentHost host = new AgentHost(tmp.resolve("ocf"), tmp.resolve("init.d"), AGENT.getParent(),
                tmp.resolve("systemctl"), false);
        try (ScheduledExecutorTimers timers = ScheduledExecutorTimers.singleThread("lab-agent-timers");
             StonithFencer fencer = StonithFencer.create("n1", () -> TestCibs.cib(TestCibs.device("lab",
                     "fence_pacer_lab", "pcmk_host_check", "dynamic-list", "pcmk_host_argument", "plug"), ""),
                     new ResourceAgents(host, new AgentRunner(AgentClock.system(), timers,
                             RunnerSettings.detect().withSpoolDir(tmp.resolve("spool")))))) {
            FenceResult r = ScriptFenceAgents.get(fencer.fence(node, FenceAction.REBOOT, "test"));

            assertThat(r.success()).as(r.detail()).isTrue();
            assertThat(sleeper.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test @DisplayName("metadata is fence-agent XML that Pacer's meta-data parser reads")
    void metadata() throws Exception {
        Run r = agent("action=metadata\n");

        assertThat(r.exit()).isZero();
        AgentMetadata md = MetadataParser.parse(r.stdout(), "fence_pacer_lab");
        assertThat(md.name()).isEqualTo("fence_pacer_lab");
        assertThat(md.parameter("netns_prefix")).hasValueSatisfying(p -> assertThat(p.defaultValue()).contains("pacer-"));
        assertThat(md.parameter("plug")).isPresent();
        assertThat(md.parameter("port")).isPresent();
        for (String action : List.of("on", "off", "reboot", "status", "list", "monitor", "metadata")) {
            assertThat(md.supports(action)).as(action).isTrue();
        }
        assertThat(agent("", "-o", "metadata").stdout()).isEqualTo(r.stdout());
    }

    @Test @DisplayName("Anything that is not a plain lab host name is refused with a clear message")
    void refusals() throws Exception {
        Run slash = agent("action=off\nplug=../etc\n");
        assertThat(slash.exit()).isEqualTo(1);
        assertThat(slash.stderr()).contains("not a plain host name");

        Run noPrefix = agent("action=off\nplug=n1\nnetns_prefix=\n");
        assertThat(noPrefix.exit()).isEqualTo(1);
        assertThat(noPrefix.stderr()).contains("refusing");

        Run noTarget = agent("action=off\n");
        assertThat(noTarget.exit()).isEqualTo(1);
        assertThat(noTarget.stderr()).contains("no target");

        Run unknown = agent("action=explode\nplug=n1\n");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("unsupported action");
    }

    @Test @DisplayName("A host that does not exist is an error, not a success")
    void missingHost() throws Exception {
        assumeTrue(run("ip", "netns", "list") == 0, "skipped: 'ip netns' does not work here");

        Run r = agent("action=off\nplug=" + node + "\n");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("does not exist");
    }
}
