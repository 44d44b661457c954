package pacer.controller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import pacer.cib.LrmOperation;

/**
 * Measures, on three in-JVM nodes (real JGroups on loopback, token 1000 ms, the real Dummy agent,
 * the fake fencer):
 * <ol>
 *   <li>failed monitor to resource running again (monitor interval 2 s): the wait for the next
 *       monitor, then the DC's reaction, stop, start and overhead;</li>
 *   <li>node crash (kill -9: sockets close) and node hang (SIGSTOP-like: silent, detected after
 *       the token) to Dummy running elsewhere, with detect / DC (status follows membership) /
 *       schedule / fence / start terms, from the controller's event timestamps.</li>
 * </ol>
 * Run: {@code java -cp ... pacer.controller.FailoverBench [rounds]}.
 */
public final class FailoverBench {
    private FailoverBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        monitorFailure(rounds);
        nodeFailure(rounds, false);
        nodeFailure(rounds, true);
        System.exit(0);
    }

    static void monitorFailure(int rounds) throws Exception {
        try (ControllerCluster c = ControllerCluster.create(Duration.ofMillis(1000), "n1", "n2", "n3").startAll()) {
            setUp(c);
            c.addDummy("d1", "2s", "");
            String node = c.awaitRunningSomewhere("d1");
            awaitLrm(c, node, "d1_monitor_2000", op -> op.rcCode() == 0);
            System.out.println("== failed monitor -> d1 running again on " + node + " (monitor interval 2000 ms)");
            System.out.println("round  wait-for-monitor  report->running  stop-exec  start-exec  overhead   total");
            for (int i = 0; i < rounds; i++) {
                Thread.sleep(500);
                int before = c.events.size();
                int previousStart = awaitLrm(c, node, "d1_last_0", op -> true).callId();
                long t0 = System.nanoTime();
                c.breakResource("d1", node);
                long failed = waitEvent(c, before, ControllerEvent.Kind.RESULT, d -> d.contains("d1_monitor_2000:7"));
                while (!c.runningOn("d1").contains(node)) Thread.onSpinWait();
                long t1 = System.nanoTime();
                LrmOperation start = awaitLrm(c, node, "d1_last_0", op -> op.operation().equals("start")
                        && op.callId() > previousStart && op.rcCode() == 0);
                long stopExec = execOf(c, before, "d1_stop_0");
                long startExec = start.attribute("exec-time").map(Long::parseLong).orElse(-1L);
                long reaction = ms(t1 - failed);
                System.out.printf(Locale.ROOT, "%5d  %16d  %15d  %9d  %10d  %8d  %6d%n", i + 1, ms(failed - t0), reaction,
                        stopExec, startExec, reaction - stopExec - startExec, ms(t1 - t0));
                awaitLrm(c, node, "d1_monitor_2000", op -> op.rcCode() == 0);
            }
        }
    }

    static void nodeFailure(int rounds, boolean hang) throws Exception {
        System.out.println("== node " + (hang ? "hang (silent; token 1000 ms)" : "crash (kill -9; sockets close)")
                + " -> d1 running elsewhere");
        System.out.println("round  detect  dc/status  schedule  fence  start   total   (ms; schedule in us)");
        for (int i = 0; i < rounds; i++) {
            try (ControllerCluster c = ControllerCluster.create(Duration.ofMillis(1000), "n1", "n2", "n3").startAll()) {
                setUp(c);
                String victim = c.dc().equals("n2") ? "n3" : "n2";
                c.addDummy("d1", "2s", "");
                c.write(ControllerCluster.put("configuration/constraints",
                        "<rsc_location id=\"loc-d1\" rsc=\"d1\" node=\"" + victim + "\" score=\"200\"/>"));
                c.awaitRunningOn("d1", victim);
                awaitLrm(c, victim, "d1_monitor_2000", op -> op.rcCode() == 0);
                Thread.sleep(300);
                int before = c.events.size();
                long t0 = System.nanoTime();
                if (hang) c.pause(victim); else c.crash(victim);
                while (!c.runsOnlyElsewhere("d1", victim)) Thread.onSpinWait();
                long t1 = System.nanoTime();
                long view = waitEvent(c, before, ControllerEvent.Kind.MEMBERSHIP, d -> true);
                ControllerEvent sched = firstEvent(c, before, ControllerEvent.Kind.SCHEDULED, d -> true, view);
                long fenceAt = waitEvent(c, before, ControllerEvent.Kind.FENCED, d -> d.equals(victim));
                long fenceDispatched = firstEvent(c, before, ControllerEvent.Kind.DISPATCHED, d -> d.startsWith("stonith"), view).nanos();
                System.out.printf(Locale.ROOT, "%5d  %6d  %9d  %8s  %5d  %5d  %6d%n", i + 1, ms(view - t0), ms(sched.nanos() - view),
                        sched.detail().split(" ")[1], ms(fenceAt - fenceDispatched), ms(t1 - fenceAt), ms(t1 - t0));
                if (Boolean.getBoolean("bench.trace")) {
                    for (ControllerEvent e : c.events.subList(before, c.events.size())) {
                        System.out.printf(Locale.ROOT, "   %+6d ms %s %s%n", ms(e.nanos() - t0), e.kind(), e.detail());
                    }
                    System.out.printf(Locale.ROOT, "   %+6d ms d1 running elsewhere: %s%n", ms(t1 - t0), c.runningOn("d1"));
                }
                if (c.fencer.count(victim) != 1) System.out.println("!! fenced " + c.fencer.count(victim) + " times");
                if (!c.violations.isEmpty()) System.out.println("!! " + c.violations);
            }
        }
    }

    private static void setUp(ControllerCluster c) {
        c.write(ControllerCluster.put("configuration/rsc_defaults", "<meta_attributes id=\"rsc-options\"><nvpair "
                + "id=\"rsc-options-stickiness\" name=\"resource-stickiness\" value=\"100\"/></meta_attributes>"));
        c.write(ControllerCluster.put("configuration/resources", "<primitive id=\"fence-fake\" class=\"stonith\" type=\"fence_fake\"/>"));
    }

    private static long execOf(ControllerCluster c, int from, String key) {
        // The stop's exec time is gone from the CIB once the start replaced d1_last_0: take it from the events.
        List<ControllerEvent> ev = new ArrayList<>(c.events.subList(from, c.events.size()));
        Long dispatched = null;
        for (ControllerEvent e : ev) {
            if (e.kind() == ControllerEvent.Kind.DISPATCHED && e.detail().startsWith(key)) dispatched = e.nanos();
            if (e.kind() == ControllerEvent.Kind.RESULT && e.detail().contains(key) && dispatched != null) {
                return ms(e.nanos() - dispatched);
            }
        }
        return -1;
    }

    private static long waitEvent(ControllerCluster c, int from, ControllerEvent.Kind kind, Predicate<String> detail) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = from; i < c.events.size(); i++) {
                ControllerEvent e = c.events.get(i);
                if (e.kind() == kind && detail.test(e.detail())) return e.nanos();
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("no " + kind + " event");
    }

    private static ControllerEvent firstEvent(ControllerCluster c, int from, ControllerEvent.Kind kind,
                                              Predicate<String> detail, long after) {
        for (int i = from; i < c.events.size(); i++) {
            ControllerEvent e = c.events.get(i);
            if (e.kind() == kind && e.nanos() >= after && detail.test(e.detail())) return e;
        }
        throw new IllegalStateException("no " + kind + " event");
    }

    private static LrmOperation awaitLrm(ControllerCluster c, String node, String id, Predicate<LrmOperation> ok) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<LrmOperation> op = c.cib().status().node(node).flatMap(s -> s.resources().stream()
                    .flatMap(l -> l.operations().stream()).filter(o -> o.id().equals(id)).findFirst());
            if (op.isPresent() && ok.test(op.get())) return op.get();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no " + id + " on " + node);
    }

    private static long ms(long nanos) { return nanos / 1_000_000; }
}
