package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.scheduler.scenario.Summaries.normalized;
import static pacer.scheduler.scenario.Summaries.require;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.scheduler.Transition;

/**
 * Where a primitive goes: location preferences and bans, stickiness weighed against them, standby
 * nodes, target-role and loss of quorum. Expected summaries are crm_simulate's.
 */
class PlacementScenarioTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String DUMMY = "ocf:pacemaker:Dummy";

    static String dummy(String id, String meta) {
        return """
                <primitive id="%1$s" class="ocf" provider="pacemaker" type="Dummy">
                  %2$s
                  <operations>
                    <op id="%1$s-monitor-10s" name="monitor" interval="10s"/>
                  </operations>
                </primitive>
                """.formatted(id, meta);
    }

    static String meta(String id, String name, String value) {
        return "<meta_attributes id=\"" + id + "-meta\"><nvpair id=\"" + id + "-meta-" + name + "\" name=\"" + name
                + "\" value=\"" + value + "\"/></meta_attributes>";
    }

    static ScenarioCib twoNodes() {
        return ScenarioCib.cib().option("stonith-enabled", "false").option("no-quorum-policy", "ignore").nodes("n1", "n2");
    }

    static NodeStateXml runningOn(String node, String... rscs) {
        NodeStateXml s = NodeStateXml.online(node);
        for (String r : rscs) s.running(r, DUMMY, 10_000, Map.of());
        return s;
    }

    @Test
    @DisplayName("a location preference for n2 starts the resource on n2")
    void locationPreferenceChoosesTheNode() {
        Transition t = twoNodes().resources(dummy("rsc1", ""))
                .constraints("<rsc_location id=\"prefer-n2\" rsc=\"rsc1\" node=\"n2\" score=\"100\"/>")
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start rsc1 ( n2 )");
        assertThat(require(t.graph(), "rsc1", "start", 0, "n2")).isNotNull();
    }

    @Test
    @DisplayName("a -INFINITY location moves a running resource off the banned node")
    void minusInfinityLocationMovesAway() {
        Transition t = twoNodes().resources(dummy("rsc1", ""))
                .constraints("<rsc_location id=\"avoid-n1\" rsc=\"rsc1\" node=\"n1\" score=\"-INFINITY\"/>")
                .status(runningOn("n1", "rsc1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Move rsc1 ( n1 -> n2 )");
        assertThat(require(t.graph(), "rsc1", "stop", 0, "n1")).isNotNull();
        assertThat(require(t.graph(), "rsc1", "start", 0, "n2")).isNotNull();
    }

    @Test
    @DisplayName("a -INFINITY location on every node leaves the resource stopped")
    void bannedEverywhereStaysStopped() {
        Transition t = twoNodes().resources(dummy("rsc1", ""))
                .constraints("""
                        <rsc_location id="avoid-n1" rsc="rsc1" node="n1" score="-INFINITY"/>
                        <rsc_location id="avoid-n2" rsc="rsc1" node="n2" score="-INFINITY"/>
                        """)
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).isEmpty();
        assertThat(t.graph().actions()).noneMatch(a -> a.operation().equals("start"));
    }

    @Test
    @DisplayName("stickiness 100 keeps a running resource in place against a preference of 50 elsewhere")
    void stickinessOutweighsSmallerPreference() {
        Transition t = twoNodes().resources(dummy("rsc1", meta("rsc1", "resource-stickiness", "100")))
                .constraints("<rsc_location id=\"prefer-n2\" rsc=\"rsc1\" node=\"n2\" score=\"50\"/>")
                .status(runningOn("n1", "rsc1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).isEmpty();
        assertThat(t.graph().actions()).noneMatch(a -> a.operation().equals("stop") || a.operation().equals("start"));
    }

    @Test
    @DisplayName("stickiness 100 gives way to a preference of 200 elsewhere")
    void largerPreferenceOutweighsStickiness() {
        Transition t = twoNodes().resources(dummy("rsc1", meta("rsc1", "resource-stickiness", "100")))
                .constraints("<rsc_location id=\"prefer-n2\" rsc=\"rsc1\" node=\"n2\" score=\"200\"/>")
                .status(runningOn("n1", "rsc1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Move rsc1 ( n1 -> n2 )");
    }

    @Test
    @DisplayName("stickiness from rsc_defaults applies like the resource's own")
    void stickinessFromRscDefaults() {
        Transition t = twoNodes().resources(dummy("rsc1", "")).rscDefault("resource-stickiness", "100")
                .constraints("<rsc_location id=\"prefer-n2\" rsc=\"rsc1\" node=\"n2\" score=\"50\"/>")
                .status(runningOn("n1", "rsc1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).isEmpty();
    }

    @Test
    @DisplayName("a node put in standby is emptied: its resources move to the other node")
    void standbyNodeEmpties() {
        Transition t = twoNodes().nodeAttribute("n1", "standby", "on")
                .resources(dummy("rsc1", "") + dummy("rsc2", ""))
                .status(runningOn("n1", "rsc1", "rsc2"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Move rsc1 ( n1 -> n2 )", "* Move rsc2 ( n1 -> n2 )");
        assertThat(t.graph().actions()).noneMatch(a -> a.operation().equals("start") && a.node().equals("n1"));
    }

    @Test
    @DisplayName("target-role=Stopped stops a running resource")
    void targetRoleStoppedStops() {
        Transition t = twoNodes().resources(dummy("rsc1", meta("rsc1", "target-role", "Stopped")))
                .status(runningOn("n1", "rsc1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Stop rsc1 ( n1 ) due to node availability");
        assertThat(require(t.graph(), "rsc1", "stop", 0, "n1")).isNotNull();
        assertThat(t.graph().actions()).noneMatch(a -> a.operation().equals("start"));
    }

    /** rsc1 and rsc2 run on n1; n2 is gone and the partition has no quorum. */
    static Transition withoutQuorum(String policy) {
        return ScenarioCib.cib().option("stonith-enabled", "false").option("no-quorum-policy", policy)
                .nodes("n1", "n2").withoutQuorum()
                .resources(dummy("rsc1", "") + dummy("rsc2", ""))
                .status(runningOn("n1", "rsc1", "rsc2"), NodeStateXml.offlineClean("n2")).schedule(NOW);
    }

    @Test
    @DisplayName("no-quorum-policy=stop without quorum stops every resource, saying why")
    void noQuorumStopStopsResourcesWithReason() {
        Transition t = withoutQuorum("stop");

        assertThat(normalized(t)).containsExactly("* Stop rsc1 ( n1 ) due to no quorum",
                "* Stop rsc2 ( n1 ) due to no quorum");
    }

    @Test
    @DisplayName("no-quorum-policy=stop without quorum stops every resource and starts nothing")
    void noQuorumStopStopsResources() {
        Transition t = withoutQuorum("stop");

        assertThat(require(t.graph(), "rsc1", "stop", 0, "n1")).isNotNull();
        assertThat(require(t.graph(), "rsc2", "stop", 0, "n1")).isNotNull();
        assertThat(t.graph().actions()).noneMatch(a -> a.operation().equals("start"));
    }

    @Test
    @DisplayName("no-quorum-policy=ignore without quorum keeps resources running")
    void noQuorumIgnoreKeepsResources() {
        Transition t = withoutQuorum("ignore");

        assertThat(normalized(t)).isEmpty();
        assertThat(t.graph().actions()).noneMatch(a -> a.operation().equals("stop"));
    }
}
