package pacer.cib.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.edit.EditFixtures.ok;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * Edits whose result was checked against Debian 12's real pcs 0.11.5 with scripts/pcs-compare:
 * the expected XML here is what pcs wrote for the same command.
 */
class PcsParityEditsTest {
    private static Map<String, String> options(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) out.put(kv[i], kv[i + 1]);
        return out;
    }

    private static XmlElement constraint(Cib cib, String id) {
        return CibTree.byId(cib.xml(), id).orElseThrow();
    }

    @Test
    @DisplayName("location B rule score=-INFINITY not_defined pingd or pingd lte 0: one rule, boolean-op or, pcs's ids")
    void locationRuleOr() {
        Cib cib = ok(ConstraintEdits.locationRule(ConstraintEditsTest.twoResources(), "B", options("score", "-INFINITY"),
                List.of("not_defined", "pingd", "or", "pingd", "lte", "0"), false));
        assertThat(EditFixtures.canonical(constraint(cib, "location-B"))).isEqualTo(EditFixtures.canonical("""
                <rsc_location id="location-B" rsc="B">
                  <rule id="location-B-rule" boolean-op="or" score="-INFINITY">
                    <expression id="location-B-rule-expr" operation="not_defined" attribute="pingd"/>
                    <expression id="location-B-rule-expr-1" operation="lte" attribute="pingd" value="0"/>
                  </rule>
                </rsc_location>"""));
    }

    @Test
    @DisplayName("a second rule constraint is location-A-1; 'a and b or c' nests the and-part as RULE-rule with score 0")
    void locationRuleNesting() {
        Cib first = ok(ConstraintEdits.locationRule(ConstraintEditsTest.twoResources(), "A", options("role", "master"),
                List.of("#uname", "eq", "n1"), false));
        assertThat(EditFixtures.canonical(constraint(first, "location-A"))).isEqualTo(EditFixtures.canonical("""
                <rsc_location id="location-A" rsc="A">
                  <rule id="location-A-rule" role="Promoted" score="INFINITY">
                    <expression id="location-A-rule-expr" operation="eq" attribute="#uname" value="n1"/>
                  </rule>
                </rsc_location>"""));
        Cib second = ok(ConstraintEdits.locationRule(first, "A", Map.of(),
                List.of("a", "eq", "1", "and", "b", "eq", "2", "or", "c", "eq", "3"), false));
        assertThat(EditFixtures.canonical(constraint(second, "location-A-1"))).isEqualTo(EditFixtures.canonical("""
                <rsc_location id="location-A-1" rsc="A">
                  <rule id="location-A-1-rule" boolean-op="or" score="INFINITY">
                    <rule id="location-A-1-rule-rule" boolean-op="and" score="0">
                      <expression id="location-A-1-rule-rule-expr" operation="eq" attribute="a" value="1"/>
                      <expression id="location-A-1-rule-rule-expr-1" operation="eq" attribute="b" value="2"/>
                    </rule>
                    <expression id="location-A-1-rule-expr" operation="eq" attribute="c" value="3"/>
                  </rule>
                </rsc_location>"""));
    }

    @Test
    @DisplayName("rule ids, score-attribute, typed comparisons and dates as pcs writes them")
    void locationRuleForms() {
        Cib typed = ok(ConstraintEdits.locationRule(ConstraintEditsTest.twoResources(), "A", options("score-attribute", "pingd"),
                List.of("pingd", "gt", "integer", "5", "and", "#uname", "ne", "n2"), false));
        assertThat(EditFixtures.canonical(constraint(typed, "location-A"))).isEqualTo(EditFixtures.canonical("""
                <rsc_location id="location-A" rsc="A">
                  <rule id="location-A-rule" boolean-op="and" score-attribute="pingd">
                    <expression id="location-A-rule-expr" operation="gt" attribute="pingd" type="integer" value="5"/>
                    <expression id="location-A-rule-expr-1" operation="ne" attribute="#uname" value="n2"/>
                  </rule>
                </rsc_location>"""));
        Cib dated = ok(ConstraintEdits.locationRule(ConstraintEditsTest.twoResources(), "A", options("id", "myrule"),
                List.of("date", "gt", "2025-01-01"), false));
        assertThat(EditFixtures.canonical(constraint(dated, "location-A"))).isEqualTo(EditFixtures.canonical("""
                <rsc_location id="location-A" rsc="A">
                  <rule id="myrule" score="INFINITY">
                    <date_expression id="myrule-expr" operation="gt" start="2025-01-01"/>
                  </rule>
                </rsc_location>"""));
    }

    @Test
    @DisplayName("a rule with no expression, a bad comparison or date-spec is refused, saying what to write")
    void locationRuleErrors() {
        Cib cib = ConstraintEditsTest.twoResources();
        assertThat(ConstraintEdits.locationRule(cib, "A", options("score", "10"), List.of(), false).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("no rule expression", "defined pingd"));
        assertThat(ConstraintEdits.locationRule(cib, "A", Map.of(), List.of("pingd", "equals", "1"), false).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("'equals' is not a comparison", "lt|gt|lte|gte|eq|ne"));
        assertThat(ConstraintEdits.locationRule(cib, "A", Map.of(), List.of("date-spec", "hours=9-16"), false).succeeded()).isFalse();
        assertThat(ConstraintEdits.locationRule(cib, "Z", Map.of(), List.of("defined", "pingd"), false).succeeded()).isFalse();
    }

    @Test
    @DisplayName("unclone puts the resource last among the resources, as pcs 0.11.5 does, not where the clone was")
    void uncloneGoesLast() {
        Cib cloned = ok(CloneEdits.clone(ConstraintEditsTest.twoResources(), "A", CreateRequest.CloneKind.CLONE,
                Optional.empty(), Map.of(), false));
        assertThat(cloned.configuration().resources()).extracting(r -> r.id()).containsExactly("A-clone", "B");
        Cib uncloned = ok(CloneEdits.unclone(cloned, "A", false));
        assertThat(uncloned.configuration().resources()).extracting(r -> r.id()).containsExactly("B", "A");
    }

    @Test
    @DisplayName("a fence agent's 'action' is not asked for, though its meta-data marks it required; others still are")
    void fenceActionNotRequired() {
        String xml = """
                <resource-agent name="fence_x"><parameters>
                  <parameter name="action" required="1"><content type="string" default="reboot"/></parameter>
                  <parameter name="ip" required="1"><content type="string"/></parameter>
                </parameters><actions><action name="monitor"/></actions></resource-agent>""";
        AgentMetadata fence = AgentMetadataParser.parse(AgentName.of("stonith", null, "fence_x"), xml);
        Problems problems = new Problems(false);
        Agents.checkParameters(fence, Map.of("ip", "10.0.0.1"), true, problems);
        assertThat(problems.failed().errors()).isEmpty();
        Problems missingIp = new Problems(false);
        Agents.checkParameters(fence, Map.of(), true, missingIp);
        assertThat(missingIp.failed().errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("'ip'"));
        AgentMetadata ocf = AgentMetadataParser.parse(AgentName.of("ocf", "x", "Y"), xml.replace("fence_x", "Y"));
        Problems ocfProblems = new Problems(false);
        Agents.checkParameters(ocf, Map.of("ip", "10.0.0.1"), true, ocfProblems);
        assertThat(ocfProblems.failed().errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("'action'"));
    }
    @Test
    @DisplayName("defaults set create: SECTION-meta_attributes[-N] or id=, score on the set, nvpairs SETID-NAME; a taken id is refused")
    void defaultsSetCreate() {
        Cib one = ok(DefaultsEdits.update(EditFixtures.base(), DefaultsEdits.Kind.RESOURCE, Map.of("resource-stickiness", "1"), false));
        Cib two = ok(DefaultsEdits.createSet(one, DefaultsEdits.Kind.RESOURCE, options("score", "10"),
                options("migration-threshold", "4"), false));
        assertThat(EditFixtures.canonical(CibTree.byId(two.xml(), "rsc_defaults-meta_attributes-1").orElseThrow()))
                .isEqualTo(EditFixtures.canonical("""
                        <meta_attributes id="rsc_defaults-meta_attributes-1" score="10">
                          <nvpair id="rsc_defaults-meta_attributes-1-migration-threshold" name="migration-threshold" value="4"/>
                        </meta_attributes>"""));
        Cib mine = ok(DefaultsEdits.createSet(two, DefaultsEdits.Kind.OPERATION, options("id", "od2"), options("timeout", "11s"), false));
        assertThat(CibTree.byId(mine.xml(), "od2-timeout")).isPresent();
        EditResult again = DefaultsEdits.createSet(mine, DefaultsEdits.Kind.RESOURCE, options("id", "od2"), options("priority", "1"), false);
        assertThat(again.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("'od2' is already in use"));
    }
}
