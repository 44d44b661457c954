package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.scheduler.scenario.PlacementScenarioTest.DUMMY;
import static pacer.scheduler.scenario.PlacementScenarioTest.NOW;
import static pacer.scheduler.scenario.Summaries.normalized;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.scheduler.Transition;

/**
 * Promotable clones: which instances are promoted (promotion scores from {@code master-<id>}
 * node attributes, Promoted-role locations, promoted-max), the promote and demote actions, and
 * the role-bearing Transition Summary lines. Expected summaries follow crm_simulate's rules.
 */
class PromotionScenarioTest {

    /** A promotable anonymous clone {@code ms} of Dummy {@code rsc}, with extra meta-attributes. */
    static String promotable(Map<String, String> meta) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("promotable", "true");
        all.putAll(meta);
        return CloneScenarioTest.clone("ms", "rsc", all);
    }

    static ScenarioCib nodes(String... names) {
        return CloneScenarioTest.nodes(names);
    }

    static NodeStateXml unpromoted(String node, String history) {
        return NodeStateXml.online(node).running(history, DUMMY, 0, Map.of());
    }

    static NodeStateXml promoted(String node, String history) {
        return unpromoted(node, history).op(history, DUMMY, "promote", 0, 0, 0, 0, Map.of());
    }

    @Test
    @DisplayName("the instance with the highest promotion score is promoted")
    void highestPromotionScoreWins() {
        Transition t = nodes("n1", "n2").resources(promotable(Map.of()))
                .status(unpromoted("n1", "rsc:0").transientAttribute("master-rsc", "5"),
                        unpromoted("n2", "rsc:1").transientAttribute("master-rsc", "10"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Promote rsc:1 ( Unpromoted -> Promoted n2 )");
    }

    @Test
    @DisplayName("a promoted instance whose node now scores lower is demoted, the better one promoted")
    void promotionMovesToBetterScore() {
        Transition t = nodes("n1", "n2").resources(promotable(Map.of()))
                .status(promoted("n1", "rsc:0").transientAttribute("master-rsc", "5"),
                        unpromoted("n2", "rsc:1").transientAttribute("master-rsc", "10"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Demote rsc:0 ( Promoted -> Unpromoted n1 )",
                "* Promote rsc:1 ( Unpromoted -> Promoted n2 )");
    }

    @Test
    @DisplayName("without any promotion score nothing is promoted; a new instance starting to be promoted shows both roles")
    void noScoreNoPromotion() {
        Transition none = nodes("n1", "n2").resources(promotable(Map.of()))
                .status(unpromoted("n1", "rsc:0"), unpromoted("n2", "rsc:1")).schedule(NOW);
        assertThat(normalized(none)).isEmpty();

        Transition fresh = nodes("n1", "n2").resources(promotable(Map.of()))
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2").transientAttribute("master-rsc", "10"))
                .schedule(NOW);
        assertThat(normalized(fresh)).contains("* Promote rsc:0 ( Stopped -> Promoted n2 )");
    }

    @Test
    @DisplayName("a location constraint for the Promoted role alone makes an instance eligible there")
    void promotedRoleLocation() {
        Transition t = nodes("n1", "n2").resources(promotable(Map.of()))
                .constraints("<rsc_location id=\"prefer-n1\" rsc=\"ms\" role=\"Promoted\" node=\"n1\" score=\"50\"/>")
                .status(unpromoted("n1", "rsc:0"), unpromoted("n2", "rsc:1")).schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Promote rsc:0 ( Unpromoted -> Promoted n1 )");
    }

    @Test
    @DisplayName("promoted-max (old name master-max) allows more than one promoted instance")
    void promotedMax() {
        Transition t = nodes("n1", "n2").resources(promotable(Map.of("master-max", "2")))
                .status(unpromoted("n1", "rsc:0").transientAttribute("master-rsc", "5"),
                        unpromoted("n2", "rsc:1").transientAttribute("master-rsc", "10"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Promote rsc:0 ( Unpromoted -> Promoted n1 )",
                "* Promote rsc:1 ( Unpromoted -> Promoted n2 )");
    }

    @Test
    @DisplayName("a stopping promoted instance is demoted first and its line shows the role")
    void stoppingPromotedShowsRole() {
        Transition t = nodes("n1", "n2").resources(promotable(Map.of()))
                .constraints("<rsc_location id=\"ban-n1\" rsc=\"ms\" node=\"n1\" score=\"-INFINITY\"/>")
                .status(promoted("n1", "rsc:0").transientAttribute("master-rsc", "10"),
                        unpromoted("n2", "rsc:1").transientAttribute("master-rsc", "5"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Stop rsc:0 ( Promoted n1 ) due to node availability",
                "* Promote rsc:1 ( Unpromoted -> Promoted n2 )");
    }

    @Test
    @DisplayName("a resource colocated with the Promoted role follows the instance chosen for promotion")
    void colocationWithPromotedRole() {
        Transition t = nodes("n1", "n2")
                .resources(promotable(Map.of())
                        + "<primitive id=\"ip\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>")
                .constraints("<rsc_colocation id=\"ip-with-promoted\" rsc=\"ip\" with-rsc=\"ms\""
                        + " with-rsc-role=\"Promoted\" score=\"INFINITY\"/>")
                .status(unpromoted("n1", "rsc:0").transientAttribute("master-rsc", "5"),
                        unpromoted("n2", "rsc:1").transientAttribute("master-rsc", "10"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Promote rsc:1 ( Unpromoted -> Promoted n2 )",
                "* Start ip ( n2 )");
    }
}
