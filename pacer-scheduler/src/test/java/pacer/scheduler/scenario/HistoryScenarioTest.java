package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.scheduler.scenario.Summaries.normalized;
import static pacer.scheduler.scenario.Summaries.require;
import static pacer.scheduler.scenario.Summaries.waitsFor;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.scheduler.Transition;
import pacer.scheduler.graph.TransitionGraph;

/**
 * Decisions read from the operation history: a definition changed since the resource started
 * (recorded digest no longer matches), and failures that expire with failure-timeout, "now"
 * being an input.
 */
class HistoryScenarioTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String IPADDR2 = "ocf:heartbeat:IPaddr2";

    static final String VIP = """
            <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
              <instance_attributes id="vip-params">
                <nvpair id="vip-params-ip" name="ip" value="%s"/>
              </instance_attributes>
              <operations>
                <op id="vip-monitor-10s" name="monitor" interval="10s"/>
              </operations>
            </primitive>
            """;

    /** vip now has ip=5.6.7.8; its start on n1 was recorded with ip=1.2.3.4. */
    static Transition vipChangedSinceStart() {
        return PlacementScenarioTest.twoNodes().resources(VIP.formatted("5.6.7.8"))
                .status(NodeStateXml.online("n1").running("vip", IPADDR2, 10_000, Map.of("ip", "1.2.3.4")),
                        NodeStateXml.online("n2"))
                .schedule(NOW);
    }

    @Test
    @DisplayName("a parameter changed since the start (op-digest mismatch): restart due to resource definition change")
    void changedParameterRestartsWithReason() {
        Transition t = vipChangedSinceStart();

        assertThat(normalized(t)).containsExactly("* Restart vip ( n1 ) due to resource definition change");
    }

    @Test
    @DisplayName("a parameter changed since the start (op-digest mismatch): stop, then start with the new parameters")
    void changedParameterRestartsWithNewParameters() {
        TransitionGraph g = vipChangedSinceStart().graph();

        assertThat(waitsFor(g, require(g, "vip", "start", 0, "n1"), require(g, "vip", "stop", 0, "n1"))).isTrue();
        assertThat(require(g, "vip", "start", 0, "n1").parameters()).containsEntry("ip", "5.6.7.8");
        assertThat(g.actions()).as("nothing happens on n2 but probes")
                .noneMatch(a -> a.node().equals("n2") && !(a.operation().equals("monitor") && a.intervalMs() == 0));
    }

    @Test
    @DisplayName("the same parameters as recorded (op-digest matches): nothing to do")
    void unchangedParameterKeepsRunning() {
        Transition t = PlacementScenarioTest.twoNodes().resources(VIP.formatted("1.2.3.4"))
                .status(NodeStateXml.online("n1").running("vip", IPADDR2, 10_000, Map.of("ip", "1.2.3.4")),
                        NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).isEmpty();
    }

    /**
     * rsc1 prefers n1 (100), failed its monitor there at {@code failedAt} (migration-threshold=1,
     * failure-timeout=60s), was stopped there and now runs on n2.
     */
    static ScenarioCib failedOnN1(Instant failedAt) {
        String meta = """
                <meta_attributes id="rsc1-meta">
                  <nvpair id="rsc1-meta-migration-threshold" name="migration-threshold" value="1"/>
                  <nvpair id="rsc1-meta-failure-timeout" name="failure-timeout" value="60s"/>
                </meta_attributes>""";
        String at = Long.toString(failedAt.getEpochSecond());
        return PlacementScenarioTest.twoNodes().resources(PlacementScenarioTest.dummy("rsc1", meta))
                .constraints("<rsc_location id=\"prefer-n1\" rsc=\"rsc1\" node=\"n1\" score=\"100\"/>")
                .status(NodeStateXml.online("n1")
                                .transientAttribute("fail-count-rsc1#monitor_10000", "1")
                                .transientAttribute("last-failure-rsc1#monitor_10000", at)
                                .running("rsc1", PlacementScenarioTest.DUMMY, 0, Map.of())
                                .op("rsc1", PlacementScenarioTest.DUMMY, "monitor", 10_000, 7, 0, 0,
                                        Map.of("last-rc-change", at))
                                .op("rsc1", PlacementScenarioTest.DUMMY, "stop", 0, 0, 0, 0, Map.of("last-rc-change", at)),
                        PlacementScenarioTest.runningOn("n2", "rsc1"));
    }

    @Test
    @DisplayName("a failure younger than failure-timeout still bans the node: the resource stays away")
    void recentFailureStillBans() {
        Transition t = failedOnN1(NOW.minus(Duration.ofSeconds(30))).schedule(NOW);

        assertThat(normalized(t)).isEmpty();
        assertThat(t.graph().actions()).noneMatch(a -> a.operation().equals("start"));
    }

    @Test
    @DisplayName("a failure older than failure-timeout has expired: the resource returns to its preferred node")
    void expiredFailureNoLongerBans() {
        Transition t = failedOnN1(NOW.minus(Duration.ofSeconds(120))).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Move rsc1 ( n2 -> n1 )");
        assertThat(require(t.graph(), "rsc1", "start", 0, "n1")).isNotNull();
    }

    @Test
    @DisplayName("the same CIB gives different answers at different \"now\": time is an input")
    void nowIsAnInput() {
        Instant failedAt = NOW.minus(Duration.ofSeconds(30));
        ScenarioCib cib = failedOnN1(failedAt);

        assertThat(normalized(cib.schedule(NOW))).isEmpty();
        assertThat(normalized(cib.schedule(NOW.plus(Duration.ofMinutes(5))))).containsExactly("* Move rsc1 ( n2 -> n1 )");
    }
}
