package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.scheduler.scenario.Summaries.normalized;
import static pacer.scheduler.scenario.Summaries.require;
import static pacer.scheduler.scenario.Summaries.waitsFor;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.scheduler.Transition;
import pacer.scheduler.graph.GraphAction;
import pacer.scheduler.graph.TransitionGraph;

/** Orderings: explicit mandatory orders and a group's implicit ones, seen in the summary and the graph. */
class OrderingScenarioTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    @DisplayName("mandatory order A then B, A banned everywhere: B's start is blocked by A's unrunnable start")
    void mandatoryOrderBlocksThenWhenFirstCannotRun() {
        Transition t = PlacementScenarioTest.twoNodes()
                .resources(PlacementScenarioTest.dummy("A", "") + PlacementScenarioTest.dummy("B", ""))
                .constraints("""
                        <rsc_location id="ban-A-n1" rsc="A" node="n1" score="-INFINITY"/>
                        <rsc_location id="ban-A-n2" rsc="A" node="n2" score="-INFINITY"/>
                        <rsc_order id="order-A-B" first="A" then="B" kind="Mandatory"/>
                        """)
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start B ( n1 ) due to unrunnable A start (blocked)");
        assertThat(t.graph().actions()).as("neither A nor B may start")
                .noneMatch(a -> a.operation().equals("start") && a.kind() == GraphAction.Kind.RESOURCE);
    }

    @Test
    @DisplayName("optional order A then B, A banned everywhere: B starts anyway")
    void optionalOrderDoesNotBlock() {
        Transition t = PlacementScenarioTest.twoNodes()
                .resources(PlacementScenarioTest.dummy("A", "") + PlacementScenarioTest.dummy("B", ""))
                .constraints("""
                        <rsc_location id="ban-A-n1" rsc="A" node="n1" score="-INFINITY"/>
                        <rsc_location id="ban-A-n2" rsc="A" node="n2" score="-INFINITY"/>
                        <rsc_order id="order-A-B" first="A" then="B" kind="Optional"/>
                        """)
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start B ( n1 )");
    }

    @Test
    @DisplayName("a group of three starts on one node, each member after the one before it")
    void groupMembersStartInOrder() {
        String group = """
                <group id="web">
                %s%s%s
                </group>
                """.formatted(PlacementScenarioTest.dummy("m1", ""), PlacementScenarioTest.dummy("m2", ""),
                PlacementScenarioTest.dummy("m3", ""));
        Transition t = PlacementScenarioTest.twoNodes().resources(group)
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start m1 ( n1 )", "* Start m2 ( n1 )", "* Start m3 ( n1 )");
        TransitionGraph g = t.graph();
        GraphAction m1 = require(g, "m1", "start", 0, "n1");
        GraphAction m2 = require(g, "m2", "start", 0, "n1");
        GraphAction m3 = require(g, "m3", "start", 0, "n1");
        assertThat(m2.inputs()).as("m2's start waits for m1's start").contains(m1.id());
        assertThat(m3.inputs()).as("m3's start waits for m2's start").contains(m2.id());
        assertThat(waitsFor(g, m1, m2)).as("m1 does not wait for m2").isFalse();
    }

    @Test
    @DisplayName("a group stops in reverse order when its node goes into standby")
    void groupMembersStopInReverseOrder() {
        String group = """
                <group id="web">
                %s%s
                </group>
                """.formatted(PlacementScenarioTest.dummy("m1", ""), PlacementScenarioTest.dummy("m2", ""));
        Transition t = PlacementScenarioTest.twoNodes().nodeAttribute("n1", "standby", "on").resources(group)
                .status(PlacementScenarioTest.runningOn("n1", "m1", "m2"), NodeStateXml.online("n2")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Move m1 ( n1 -> n2 )", "* Move m2 ( n1 -> n2 )");
        TransitionGraph g = t.graph();
        assertThat(waitsFor(g, require(g, "m1", "stop", 0, "n1"), require(g, "m2", "stop", 0, "n1")))
                .as("m1 stops after m2").isTrue();
        assertThat(waitsFor(g, require(g, "m2", "start", 0, "n2"), require(g, "m1", "start", 0, "n2")))
                .as("m2 starts after m1").isTrue();
    }
}
