package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.scheduler.scenario.PlacementScenarioTest.DUMMY;
import static pacer.scheduler.scenario.PlacementScenarioTest.NOW;
import static pacer.scheduler.scenario.Summaries.normalized;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.scheduler.Transition;

/**
 * Clones: which numbered instance an anonymous history belongs to, how many instances go where
 * (clone-max, clone-node-max, balancing), removed instances, and orderings with clones (a clone
 * that cannot run at all, interleaving). Expected summaries follow crm_simulate's rules.
 */
class CloneScenarioTest {

    /** An anonymous clone {@code id} of a Dummy primitive {@code child}, with clone meta-attributes. */
    static String clone(String id, String child, Map<String, String> meta) {
        StringBuilder m = new StringBuilder();
        meta.forEach((k, v) -> m.append("<nvpair id=\"").append(id).append("-meta-").append(k).append("\" name=\"")
                .append(k).append("\" value=\"").append(v).append("\"/>"));
        return """
                <clone id="%1$s">
                  <meta_attributes id="%1$s-meta">%3$s</meta_attributes>
                  <primitive id="%2$s" class="ocf" provider="pacemaker" type="Dummy"/>
                </clone>
                """.formatted(id, child, m);
    }

    static ScenarioCib nodes(String... names) {
        return ScenarioCib.cib().option("stonith-enabled", "false").option("no-quorum-policy", "ignore").nodes(names);
    }

    static NodeStateXml running(String node, String... historyIds) {
        NodeStateXml s = NodeStateXml.online(node);
        for (String id : historyIds) s.running(id, DUMMY, 0, Map.of());
        return s;
    }

    @Test
    @DisplayName("an active history takes the lowest instance number; new starts get the next free ones")
    void activeHistoryTakesLowestNumber() {
        NodeStateXml probedStopped = NodeStateXml.online("n2")
                .op("rsc:0", DUMMY, "monitor", 0, 7, 0, 7, Map.of());
        Transition t = nodes("n1", "n2", "n3").resources(clone("cl", "rsc", Map.of()))
                .status(running("n1", "rsc:2"), probedStopped, NodeStateXml.online("n3")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start rsc:1 ( n2 )", "* Start rsc:2 ( n3 )");
    }

    @Test
    @DisplayName("a second active history on the same node is a removed instance numbered after clone-max")
    void duplicateHistoryIsRemovedInstance() {
        Transition t = nodes("n1", "n2").resources(clone("cl", "rsc", Map.of()))
                .status(running("n1", "rsc:0", "rsc:1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Start rsc:1 ( n2 )",
                "* Stop rsc:2 ( n1 ) due to node availability");
    }

    @Test
    @DisplayName("with clone-max=0 every active history is a removed instance that stops")
    void cloneMaxZeroStopsEverything() {
        Transition t = nodes("n1", "n2").resources(clone("cl", "rsc", Map.of("clone-max", "0")))
                .status(running("n1", "rsc:0"), running("n2", "rsc:0")).schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Stop rsc:0 ( n1 ) due to node availability",
                "* Stop rsc:1 ( n2 ) due to node availability");
    }

    @Test
    @DisplayName("clone-node-max=2 lets two instances share a node, balanced across the nodes")
    void cloneNodeMaxBalances() {
        Transition t = nodes("n1", "n2").resources(clone("cl", "rsc", Map.of("clone-max", "4", "clone-node-max", "2")))
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Start rsc:0 ( n1 )", "* Start rsc:1 ( n2 )", "* Start rsc:2 ( n1 )", "* Start rsc:3 ( n2 )");
    }

    @Test
    @DisplayName("running instances stay put; only instances beyond clone-max stop")
    void runningInstancesStay() {
        Transition t = nodes("n1", "n2", "n3").resources(clone("cl", "rsc", Map.of("clone-max", "2")))
                .status(running("n1", "rsc:0"), running("n2", "rsc:1"), running("n3", "rsc:2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Stop rsc:2 ( n3 ) due to node availability");
    }

    @Test
    @DisplayName("a clone none of whose instances can run blocks what is ordered after it")
    void unrunnableCloneBlocksDependents() {
        Transition t = nodes("n1", "n2")
                .resources(clone("cl", "rsc", Map.of("target-role", "Stopped"))
                        + PlacementScenarioTest.dummy("after", ""))
                .constraints("<rsc_order id=\"cl-then-after\" first=\"cl\" then=\"after\"/>")
                .status(running("n1", "after"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Stop after ( n1 ) due to unrunnable cl running");
    }

    @Test
    @DisplayName("an interleaved instance starts only where the clone it is ordered after runs")
    void interleavedInstanceNeedsPartnerOnItsNode() {
        Transition t = nodes("n1", "n2")
                .resources(clone("A", "a", Map.of()) + clone("B", "b", Map.of("interleave", "true")))
                .constraints("""
                        <rsc_location id="A-not-n2" rsc="A" node="n2" score="-INFINITY"/>
                        <rsc_order id="A-then-B" first="A" then="B"/>
                        """)
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start a:0 ( n1 )", "* Start b:1 ( n1 )");
    }

    @Test
    @DisplayName("an anonymous clone's fail count bans every instance from that node, whatever its number")
    void anonymousFailCountBansTheNode() {
        NodeStateXml failed = NodeStateXml.online("n1").transientAttribute("fail-count-rsc:0#monitor_10000", "1");
        Transition t = nodes("n1", "n2").resources(clone("cl", "rsc", Map.of()))
                .rscDefault("migration-threshold", "1")
                .status(failed, running("n2", "rsc:1")).schedule(NOW);

        assertThat(normalized(t)).isEmpty();
    }
}
