package pacer.membership;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Measures failure detection at token 1000 ms on loopback (bench/membership-detection runs it):
 * n1 and n2 run in this JVM, n3 in a child JVM ({@link BenchNode}) that is
 *
 * <ol>
 *   <li>killed with SIGKILL: time until n1 and n2 both have a view without n3 (goal &lt; 300 ms);
 *   <li>stopped with SIGSTOP: the same time (goal &lt; 1300 ms);
 *   <li>stopped for 500 ms, then continued: the number of view changes on n1 within the next
 *       3 s (goal 0).
 * </ol>
 *
 * Times are from just before the signal is sent to the view's arrival on the delivery thread of
 * the slower of n1 and n2. Only the child processes this bench started are signalled, by PID.
 */
public final class DetectionBench {
    private static final String CHILD = "n3";

    private DetectionBench() { }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (TestCluster cluster = TestCluster.builder("n1", "n2", CHILD).build()) {
            cluster.start("n1");
            cluster.start("n2");
            ViewClock n1 = new ViewClock();
            ViewClock n2 = new ViewClock();
            cluster.bus("n1").onMembership(n1);
            cluster.bus("n2").onMembership(n2);
            Path conf = cluster.dir().resolve("cluster.conf");

            List<Double> killed = new ArrayList<>();
            List<Double> stopped = new ArrayList<>();
            List<Integer> shortPause = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                killed.add(detect(conf, n1, n2, "KILL"));
                stopped.add(detect(conf, n1, n2, "STOP"));
                shortPause.add(shortPause(conf, n1));
            }
            System.out.printf("token 1000 ms, %d rounds, loopback, 3 nodes (n3 in a child JVM)%n", rounds);
            System.out.println("kill -9 -> view without n3 on n1 and n2 (ms): " + summary(killed) + "  goal < 300");
            System.out.println("SIGSTOP -> view without n3 on n1 and n2 (ms): " + summary(stopped) + "  goal < 1300");
            System.out.println("500 ms SIGSTOP -> view changes on n1 within 3 s: " + shortPause + "  goal all 0");
        }
    }

    /** Starts the child, waits until it is settled in the view, signals it, returns the detection time. */
    private static double detect(Path conf, ViewClock n1, ViewClock n2, String signal) throws Exception {
        Process child = startChild(conf);
        try {
            n1.awaitWith(CHILD);
            n2.awaitWith(CHILD);
            Thread.sleep(2000); // let failure detection settle on the new view (FD_SOCK2 ring, heartbeats)
            long t0 = System.nanoTime();
            signal(child, signal);
            long seen = Math.max(n1.awaitWithoutAfter(CHILD, t0), n2.awaitWithoutAfter(CHILD, t0));
            return (seen - t0) / 1e6;
        } finally {
            stopChild(child);
        }
    }

    private static int shortPause(Path conf, ViewClock n1) throws Exception {
        Process child = startChild(conf);
        try {
            n1.awaitWith(CHILD);
            Thread.sleep(2000);
            long t0 = System.nanoTime();
            signal(child, "STOP");
            Thread.sleep(500);
            signal(child, "CONT");
            Thread.sleep(3000);
            return n1.changesAfter(t0);
        } finally {
            stopChild(child);
        }
    }

    private static Process startChild(Path conf) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xms32m", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), BenchNode.class.getName(), conf.toString(), CHILD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            // wait for the child to be in a view
        }
        if (line == null) {
            throw new IOException("the child node exited before it was ready: " + p.waitFor());
        }
        return p;
    }

    private static void signal(Process p, String signal) throws Exception {
        int rc = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill -" + signal + " " + p.pid() + " failed: " + rc);
        }
    }

    private static void stopChild(Process p) throws Exception {
        if (p.isAlive()) {
            signal(p, "KILL");
        }
        p.waitFor(10, TimeUnit.SECONDS);
    }

    private static String summary(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("min %.0f, median %.0f, max %.0f; all: %s", sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1),
                ms.stream().map(d -> String.format("%.0f", d)).collect(Collectors.joining(" ")));
    }

    /** Records when each membership arrived on a node's delivery thread. */
    private static final class ViewClock implements java.util.function.Consumer<Membership> {
        private record Seen(long nanos, long viewId, Set<String> members) { }

        private final List<Seen> seen = new ArrayList<>();

        @Override
        public synchronized void accept(Membership m) {
            seen.add(new Seen(System.nanoTime(), m.viewId(),
                    m.members().stream().map(Member::name).collect(Collectors.toSet())));
            notifyAll();
        }

        synchronized void awaitWith(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen.isEmpty() || !seen.get(seen.size() - 1).members().contains(name)) {
                waitUntil(deadline, "a view with " + name);
            }
        }

        synchronized long awaitWithoutAfter(String name, long after) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                for (Seen s : seen) {
                    if (s.nanos() > after && !s.members().contains(name)) {
                        return s.nanos();
                    }
                }
                waitUntil(deadline, "a view without " + name);
            }
        }

        synchronized int changesAfter(long after) {
            return (int) seen.stream().filter(s -> s.nanos() > after).map(Seen::viewId).distinct().count();
        }

        private void waitUntil(long deadline, String what) throws InterruptedException {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
