package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pacer.cib.LrmOperation;
import pacer.scheduler.Scheduler;
import pacer.store.CibOperation;

/**
 * Failure handling on the {@link ControllerCluster} (three nodes, real JGroups, the real Dummy and
 * the test agent {@code ocf:pacertest:Flaky}, the fake fencer): failure-timeout expiry, hard and
 * fatal start failures, an action timeout, a stop failure with fencing, maintenance. Every test
 * checks, continuously, that no resource runs on two nodes at once; nothing asserts a duration.
 */
class ControllerFailureTest {
    ControllerCluster cluster;

    @BeforeEach void setUp() throws Exception {
        assumeTrue(Files.isExecutable(ControllerClusterTest.DUMMY), "resource-agents is not installed");
        cluster = ControllerCluster.threeNodesWithFencing(true);
    }

    @AfterEach void tearDown() throws Exception {
        ControllerCluster.closeCheckingSafety(cluster);
    }

    @Test @DisplayName("failure-timeout: after a failure moved it away (migration-threshold=1), the resource may run there again")
    void failureTimeoutExpires() throws Exception {
        String home = notDc();
        addPreferring("d1", home, cluster.resource("d1", "heartbeat", "Dummy", "1s",
                "<nvpair id=\"d1-mt\" name=\"migration-threshold\" value=\"1\"/>"
                + "<nvpair id=\"d1-ft\" name=\"failure-timeout\" value=\"4s\"/>", ""));
        cluster.awaitRunningOn("d1", home);
        awaitMonitorRecorded("d1", home, 1000);

        cluster.breakResource("d1", home);
        await().atMost(ControllerCluster.PATIENCE).alias("d1 moved away from " + home)
                .until(() -> cluster.runsOnlyElsewhere("d1", home));
        assertThat(cluster.transientAttribute(home, "fail-count-d1#monitor_1000")).contains("1");

        // the failure expires: the recheck timer reschedules, and the location (200) beats stickiness (100)
        cluster.awaitRunningOn("d1", home);
        awaitMonitorRecorded("d1", home, 1000);
        awaitSettled();
        assertThat(cluster.fencer.requests).isEmpty();
    }

    @ParameterizedTest(name = "start rc {0}") @ValueSource(ints = {5, 2})
    @DisplayName("A start failing with a hard exit code (not installed, invalid parameter) bans the node; it starts elsewhere")
    void hardStartFailureBansTheNode(int rc) throws Exception {
        String home = notDc();
        cluster.steer("f1", home, "start-rc", Integer.toString(rc));
        addPreferring("f1", home, cluster.resource("f1", "pacertest", "Flaky", "2s", "", ""));

        await().atMost(ControllerCluster.PATIENCE).alias("f1 running elsewhere than " + home)
                .until(() -> cluster.runsOnlyElsewhere("f1", home));
        String other = cluster.runningOn("f1").iterator().next();
        awaitMonitorRecorded("f1", other, 2000);
        awaitSettled();
        assertThat(lrmOp("f1", home, "f1_last_failure_0")).hasValueSatisfying(op -> {
            assertThat(op.operation()).isEqualTo("start");
            assertThat(op.rcCode()).isEqualTo(rc);
        });
        assertThat(starts(home, "f1")).as("starts of f1 on " + home).isEqualTo(1);
        assertThat(cluster.runningOn("f1")).containsExactly(other);
        assertThat(cluster.fencer.requests).isEmpty();
    }

    @Test @DisplayName("A start failing with a fatal exit code (not configured) stops the resource everywhere")
    void fatalStartFailureStopsEverywhere() throws Exception {
        String home = notDc();
        cluster.steer("f1", home, "start-rc", "6");
        addPreferring("f1", home, cluster.resource("f1", "pacertest", "Flaky", "2s", "", ""));

        await().atMost(ControllerCluster.PATIENCE).alias("f1's fatal start failure recorded on " + home)
                .until(() -> lrmOp("f1", home, "f1_last_failure_0").filter(op -> op.rcCode() == 6).isPresent());
        awaitSettled();
        assertThat(cluster.runningOn("f1")).isEmpty();
        assertThat(cluster.running()).allSatisfy(n -> assertThat(starts(n, "f1")).as("starts of f1 on " + n)
                .isEqualTo(n.equals(home) ? 1 : 0));
        assertThat(cluster.fencer.requests).isEmpty();
    }

    @Test @DisplayName("An action timeout kills the agent and its children, is recorded as Timed Out, and is recovered")
    void timeoutKillsTheAgentAndIsRecovered() throws Exception {
        String home = notDc();
        cluster.steer("f1", home, "start-hang", "");
        addPreferring("f1", home, cluster.resource("f1", "pacertest", "Flaky", "2s", "",
                "<op id=\"f1-start\" name=\"start\" interval=\"0\" timeout=\"2s\"/>"));

        await().atMost(ControllerCluster.PATIENCE).alias("f1's start timed out on " + home)
                .until(() -> lrmOp("f1", home, "f1_last_failure_0").filter(op -> op.opStatus() == 2).isPresent());
        assertThat(lrmOp("f1", home, "f1_last_failure_0")).hasValueSatisfying(op ->
                assertThat(op.operation()).isEqualTo("start"));
        Path childFile = cluster.stateFile("f1", home).resolveSibling("f1.state.child");
        long child = Long.parseLong(Files.readString(childFile).trim());
        await().atMost(ControllerCluster.PATIENCE).alias("the agent's child " + child + " is gone")
                .until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));

        await().atMost(ControllerCluster.PATIENCE).alias("f1 recovered elsewhere than " + home)
                .until(() -> cluster.runsOnlyElsewhere("f1", home));
        awaitMonitorRecorded("f1", cluster.runningOn("f1").iterator().next(), 2000);
        assertThat(cluster.fencer.requests).isEmpty();
    }

    @Test @DisplayName("A stop failure with fencing: the node is fenced once, before the resource starts elsewhere")
    void stopFailureFencesBeforeStartingElsewhere() throws Exception {
        String victim = notDc();
        addPreferring("f1", victim, cluster.resource("f1", "pacertest", "Flaky", "2s", "", ""));
        cluster.awaitRunningOn("f1", victim);
        awaitMonitorRecorded("f1", victim, 2000);
        cluster.steer("f1", victim, "stop-rc", "1");

        cluster.write(ControllerCluster.put("configuration/constraints",
                "<rsc_location id=\"loc-f1\" rsc=\"f1\" node=\"" + victim + "\" score=\"-INFINITY\"/>"));

        await().atMost(ControllerCluster.PATIENCE).alias("f1 running elsewhere than " + victim)
                .until(() -> cluster.runsOnlyElsewhere("f1", victim));
        String other = cluster.runningOn("f1").iterator().next();
        awaitMonitorRecorded("f1", other, 2000);
        assertThat(cluster.fencer.count(victim)).as("fence requests for " + victim).isEqualTo(1);
        List<ControllerEvent> events = List.copyOf(cluster.events);
        int stop = indexOf(events, ControllerEvent.Kind.DISPATCHED, "f1_stop_0@" + victim);
        int fenced = indexOf(events, ControllerEvent.Kind.FENCED, victim);
        int start = indexOf(events, ControllerEvent.Kind.DISPATCHED, "f1_start_0@" + other);
        assertThat(stop).as("the failed stop on " + victim).isNotNegative();
        assertThat(fenced).as(victim + " fenced after its stop failed").isGreaterThan(stop);
        assertThat(start).as("f1 started on " + other + " only after " + victim + " was fenced").isGreaterThan(fenced);
    }

    @Test @DisplayName("maintenance-mode: a failed resource is not recovered, nothing is started or stopped")
    void maintenanceActsOnNothing() throws Exception {
        cluster.addDummy("d1", "1s", "");
        String first = cluster.awaitRunningSomewhere("d1");
        awaitMonitorRecorded("d1", first, 1000);
        cluster.property("maintenance-mode", "true");
        awaitSettled();
        int mark = cluster.events.size();

        cluster.breakResource("d1", first);
        Thread.sleep(3000); // three monitor intervals: room for a wrong recovery to happen (not a timing assertion)
        awaitSettled();
        List<ControllerEvent> since = List.copyOf(cluster.events.subList(mark, cluster.events.size()));
        assertThat(since).as("no start or stop during maintenance").noneMatch(e -> e.kind() == ControllerEvent.Kind.DISPATCHED
                && (e.detail().startsWith("d1_start_") || e.detail().startsWith("d1_stop_")));
        assertThat(cluster.runningOn("d1")).as("d1 not recovered").isEmpty();

        cluster.property("maintenance-mode", "false");
        cluster.awaitRunningSomewhere("d1");
    }

    private String notDc() {
        String dc = cluster.dc();
        return dc.equals("n2") ? "n3" : "n2";
    }

    /** A resource and its location preference for {@code node} (200, above the stickiness), in one write. */
    private void addPreferring(String rsc, String node, CibOperation resource) {
        cluster.write(CibOperation.batch(List.of(resource, ControllerCluster.put("configuration/constraints",
                "<rsc_location id=\"loc-" + rsc + "\" rsc=\"" + rsc + "\" node=\"" + node + "\" score=\"200\"/>"))));
    }

    private int starts(String node, String rsc) {
        AtomicInteger n = cluster.node(node).agents.starts.get(rsc);
        return n == null ? 0 : n.get();
    }

    private void awaitSettled() {
        await().atMost(ControllerCluster.PATIENCE).alias("the scheduler is satisfied by the recorded status")
                .until(() -> Scheduler.schedule(cluster.cib(), Instant.now()).graph().isEmpty());
    }

    private static int indexOf(List<ControllerEvent> events, ControllerEvent.Kind kind, String detail) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == kind && events.get(i).detail().equals(detail)) return i;
        }
        return -1;
    }

    private void awaitMonitorRecorded(String rsc, String node, long intervalMs) {
        await().atMost(ControllerCluster.PATIENCE).alias(rsc + " monitored on " + node)
                .until(() -> lrmOp(rsc, node, rsc + "_monitor_" + intervalMs)
                        .filter(op -> op.rcCode() == 0 && op.opStatus() == 0).isPresent()
                        && lrmOp(rsc, node, rsc + "_last_0").filter(op -> op.operation().equals("start")).isPresent());
    }

    private Optional<LrmOperation> lrmOp(String rsc, String node, String id) {
        return cluster.cib().status().node(node).flatMap(s -> s.resources().stream().filter(l -> l.id().equals(rsc))
                .flatMap(l -> l.operations().stream()).filter(op -> op.id().equals(id)).findFirst());
    }
}
