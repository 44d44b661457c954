package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.rule.RuleTestSupport.at;
import static pacer.cib.rule.RuleTestSupport.node;
import static pacer.cib.rule.RuleTestSupport.rule;
import static pacer.cib.rule.RuleTestSupport.xml;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pacer.cib.Role;
import pacer.cib.report.CibReport;
import pacer.cib.report.Reports;
import pacer.cib.xml.XmlElement;

class RuleParserTest {
    private static final RuleContext ANY = RuleContext.forNode(Map.of("a", "1"), OffsetDateTime.parse("2024-01-01T00:00:00Z"));

    @Test
    void parsesTheRuleAndItsConditions() {
        Rule r = rule("<rule id='r' boolean-op='or' score='-INFINITY' role='Promoted'>\n"
                + "  <expression id='e' attribute='#uname' operation='eq' value='n3' type='string'/>\n"
                + "  <date_expression id='d' operation='lt' end='2024-01-01'/>\n"
                + "  <rsc_expression id='x' class='ocf' type='IPaddr2'/>\n"
                + "  <op_expression id='o' name='monitor' interval='10s'/>\n"
                + "  <rule id='inner'><expression id='e2' attribute='a' operation='defined'/></rule>\n"
                + "</rule>");
        assertThat(r.id()).isEqualTo("r");
        assertThat(r.booleanOp()).isEqualTo(Rule.BooleanOp.OR);
        assertThat(r.score()).contains("-INFINITY");
        assertThat(r.scoreAttribute()).isEmpty();
        assertThat(r.role()).contains(Role.PROMOTED);
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.conditions()).extracting(Expression::id).containsExactly("e", "d", "x", "o", "inner");
        assertThat(r.conditions()).extracting(Expression::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(r.conditions().get(0)).isEqualTo(new AttributeExpression("e", "#uname",
                AttributeExpression.Operation.EQ, Optional.of("n3"), Optional.of(AttributeExpression.Type.STRING),
                AttributeExpression.Source.LITERAL, 2));
        OperationExpression op = (OperationExpression) r.conditions().get(3);
        assertThat(op.intervalMs()).hasValue(10_000);
        ResourceExpression rsc = (ResourceExpression) r.conditions().get(2);
        assertThat(rsc.provider()).isEmpty();
        assertThat(((Rule) r.conditions().get(4)).booleanOp()).isEqualTo(Rule.BooleanOp.AND);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "and, 'a=1 b=2', true",
        "and, 'a=1',     false",
        "and, 'a=2 b=2', false",
        "or,  'a=1',     true",
        "or,  'b=2',     true",
        "or,  'a=2 b=1', false",
        "or,  'c=3',     false",
    })
    void combinesWithAndOr(String op, String attrs, boolean expected) {
        Rule r = rule("<rule id='r' boolean-op='" + op + "'>"
                + "<expression id='e1' attribute='a' operation='eq' value='1'/>"
                + "<expression id='e2' attribute='b' operation='eq' value='2'/></rule>");
        Map<String, String> map = new java.util.HashMap<>();
        for (String kv : attrs.split(" ")) map.put(kv.split("=")[0], kv.split("=")[1]);
        assertThat(r.passes(node(map))).isEqualTo(expected);
    }

    @Test
    void booleanOpIsCaseInsensitiveAndDefaultsToAnd() {
        String conditions = "<expression id='e1' attribute='a' operation='eq' value='1'/>"
                + "<expression id='e2' attribute='b' operation='eq' value='2'/>";
        Rule and = rule("<rule id='r'>" + conditions + "</rule>");
        Rule or = rule("<rule id='r' boolean-op='OR'>" + conditions + "</rule>");
        assertThat(and.booleanOp()).isEqualTo(Rule.BooleanOp.AND);
        assertThat(and.passes(node(Map.of("a", "1")))).isFalse();
        assertThat(or.passes(node(Map.of("a", "1")))).isTrue();
    }

    @Test
    void nestedRulesFromTheDocumentation() {
        // 9 a.m. to 5 p.m. or 9 p.m. to midnight, Monday through Friday
        Rule r = rule("<rule id='rule5' score='INFINITY' boolean-op='and'>"
                + "<rule id='rule5-nested1' score='INFINITY' boolean-op='or'>"
                + "<date_expression id='e1' operation='date_spec'><date_spec id='s1' hours='9-16'/></date_expression>"
                + "<date_expression id='e2' operation='date_spec'><date_spec id='s2' hours='21-23'/></date_expression>"
                + "</rule>"
                + "<date_expression id='e3' operation='date_spec'><date_spec id='s3' weekdays='1-5'/></date_expression>"
                + "</rule>");
        assertThat(r.passes(at("2024-01-03T10:00:00Z"))).isTrue();   // Wednesday morning
        assertThat(r.passes(at("2024-01-03T22:00:00Z"))).isTrue();   // Wednesday night
        assertThat(r.passes(at("2024-01-03T18:00:00Z"))).isFalse();  // Wednesday evening
        assertThat(r.passes(at("2024-01-06T10:00:00Z"))).isFalse();  // Saturday
    }

    @Test
    void emptyRulePassesWithAWarning() {
        Reports reports = new Reports();
        Rule r = RuleParser.parse(xml("<rule id='empty'/>"), reports);
        assertThat(r.passes(ANY)).isTrue();
        assertThat(reports.hasErrors()).isFalse();
        assertThat(reports.list()).extracting(CibReport::code).containsExactly("rule-empty");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "<expression attribute='a' operation='defined'/>                       | expression-missing-id             | expression",
        "<expression id='e' operation='defined'/>                              | expression-missing-attribute      | e",
        "<expression id='e' attribute='a'/>                                    | expression-invalid-operation      | e",
        "<expression id='e' attribute='a' operation='like' value='x'/>         | expression-invalid-operation      | e",
        "<expression id='e' attribute='a' operation='eq' value='1' value-source='env'/> | expression-invalid-value-source | e",
        "<expression id='e' attribute='a' operation='eq'/>                     | expression-missing-value          | e",
        "<expression id='e' attribute='a' operation='defined' value='1'/>      | expression-value-not-allowed      | e",
        "<expression id='e' attribute='a' operation='eq' value='1' type='float'/> | expression-invalid-type        | e",
        "<date_expression id='d' operation='between' start='2024-01-01'/>      | date-expression-invalid-operation | d",
        "<date_expression id='d' start='2024-13-01'/>                          | date-expression-invalid-date      | d",
        "<date_expression id='d' start='2024-01-01' end='soon'/>               | date-expression-invalid-date      | d",
        "<date_expression id='d' operation='gt' end='2024-01-01'/>             | date-expression-missing-bound     | d",
        "<date_expression id='d' operation='lt' start='2024-01-01'/>           | date-expression-missing-bound     | d",
        "<date_expression id='d'/>                                             | date-expression-missing-bound     | d",
        "<date_expression start='2024-01-01'/>                                 | date-expression-missing-id        | date_expression",
        "<date_expression id='d' operation='date_spec'/>                       | date-expression-missing-date-spec | d",
        "<date_expression id='d' operation='date_spec'><date_spec hours='1'/></date_expression> | date-spec-missing-id | d",
        "<date_expression id='d' operation='date_spec'><date_spec id='s' hours='9 - 16'/></date_expression> | date-spec-invalid-range | s",
        "<date_expression id='d' operation='date_spec'><date_spec id='s' hours='-'/></date_expression> | date-spec-invalid-range | s",
        "<date_expression id='d' operation='date_spec'><date_spec id='s' hours=''/></date_expression> | date-spec-invalid-range | s",
        "<date_expression id='d' start='2024-01-01'><duration id='u' hours='many'/></date_expression> | duration-invalid | u",
        "<date_expression id='d' start='2024-01-01'><duration id='u' days='2222222222'/></date_expression> | duration-invalid | u",
        "<date_expression id='d' start='2024-01-01'><duration hours='1'/></date_expression> | duration-missing-id | d",
        "<rsc_expression class='ocf'/>                                         | rsc-expression-missing-id         | rsc_expression",
        "<op_expression id='o' interval='10s'/>                                | op-expression-missing-name        | o",
        "<op_expression id='o' name='monitor' interval='often'/>               | op-expression-invalid-interval    | o",
        "<nvpair id='n' name='x' value='y'/>                                   | rule-unknown-condition            | n",
    })
    void invalidConditionsAreReportedAndNeverPass(String condition, String code, String reportedId) {
        Reports reports = new Reports();
        Rule r = RuleParser.parse(xml("<rule id='r' boolean-op='or'>\n" + condition + "\n</rule>"), reports);
        assertThat(reports.list()).singleElement().satisfies(report -> {
            assertThat(report.severity()).isEqualTo(CibReport.Severity.ERROR);
            assertThat(report.code()).isEqualTo(code);
            assertThat(report.elementId()).isEqualTo(reportedId);
            assertThat(report.line()).isEqualTo(2);
            assertThat(report.message()).contains("never pass").contains(";");
        });
        assertThat(r.conditions()).singleElement().isInstanceOf(InvalidExpression.class);
        RuleContext everything = RuleContext.forNode(Map.of("a", "1"), OffsetDateTime.parse("2024-06-01T00:00:00Z"))
                .withResource("ocf", "heartbeat", "IPaddr2").withOperation("monitor", 10_000);
        assertThat(r.passes(everything)).isFalse();
    }

    @Test
    void ignoredPartsOfAnExpressionAreNotValidated() {
        Reports reports = new Reports();
        Rule r = RuleParser.parse(xml("<rule id='r'><date_expression id='d' start='2024-01-01' end='2024-12-31'>"
                + "<duration id='u' hours='bogus'/></date_expression>"
                + "<date_expression id='s' operation='date_spec' start='never'><date_spec id='ds'/></date_expression>"
                + "</rule>"), reports);
        assertThat(reports.list()).isEmpty();
        assertThat(r.passes(at("2024-06-01T00:00:00Z"))).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "<rule boolean-op='and'><expression id='e' attribute='a' operation='defined'/></rule> | rule-missing-id | rule",
        "<rule id='r' boolean-op='xor'><expression id='e' attribute='a' operation='defined'/></rule> | rule-invalid-boolean-op | r",
        "<rule id-ref='nowhere'/>                                                     | rule-idref-unresolved | nowhere",
    })
    void invalidRulesNeverPass(String text, String code, String id) {
        Reports reports = new Reports();
        Rule r = RuleParser.parse(xml(text), reports);
        assertThat(reports.list()).extracting(CibReport::code, CibReport::elementId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(code, id));
        assertThat(r.passes(ANY)).isFalse();
    }

    @Test
    void invalidRoleAndScoreConflictAreReportedButTheRuleStillEvaluates() {
        Reports reports = new Reports();
        Rule r = RuleParser.parse(xml("<rule id='r' role='Leader' score='5' score-attribute='w'>"
                + "<expression id='e' attribute='a' operation='defined'/></rule>"), reports);
        assertThat(reports.list()).extracting(CibReport::code).containsExactly("rule-invalid-role", "rule-score-conflict");
        assertThat(r.role()).isEmpty();
        assertThat(r.passes(ANY)).isTrue();
    }

    @Test
    void moonIsIgnoredWithAWarning() {
        Reports reports = new Reports();
        Rule r = RuleParser.parse(xml("<rule id='r'><date_expression id='d' operation='date_spec'>"
                + "<date_spec id='s' moon='4' years='2024'/></date_expression></rule>"), reports);
        assertThat(reports.hasErrors()).isFalse();
        assertThat(reports.list()).extracting(CibReport::code).containsExactly("date-spec-moon-ignored");
        assertThat(r.passes(at("2024-01-11T00:00:00Z"))).isTrue();
    }

    @Test
    void idRefsResolveThroughTheIndex() {
        XmlElement cib = xml("<constraints>"
                + "<rsc_location id='l1' rsc='a'><rule id='shared' score='100'>"
                + "<expression id='e' attribute='#uname' operation='eq' value='n1'/></rule></rsc_location>"
                + "<rsc_location id='l2' rsc='b'><rule id-ref='shared'/></rsc_location>"
                + "<rsc_location id='l3' rsc='c'><rule id='outer' boolean-op='or'><rule id-ref='shared'/>"
                + "<expression id='e3' attribute='#uname' operation='eq' value='n2'/></rule></rsc_location>"
                + "<rsc_location id='l4' rsc='d'><rule id-ref='l1'/></rsc_location>"
                + "</constraints>");
        Map<String, XmlElement> ids = RuleParser.indexIds(cib);
        XmlElement refRule = ids.get("l2").children().get(0);
        Reports reports = new Reports();
        Rule resolved = RuleParser.parse(refRule, ids, reports);
        assertThat(reports.list()).isEmpty();
        assertThat(resolved.id()).isEqualTo("shared");
        assertThat(resolved.score()).contains("100");
        assertThat(resolved.passes(node(Map.of("#uname", "n1")))).isTrue();
        assertThat(resolved.passes(node(Map.of("#uname", "n2")))).isFalse();

        Rule outer = RuleParser.parse(ids.get("outer"), ids, reports);
        assertThat(outer.passes(node(Map.of("#uname", "n1")))).isTrue();
        assertThat(outer.passes(node(Map.of("#uname", "n2")))).isTrue();
        assertThat(reports.list()).isEmpty();

        Rule notARule = RuleParser.parse(ids.get("l4").children().get(0), ids, reports);
        assertThat(notARule.passes(node(Map.of("#uname", "n1")))).isFalse();
        assertThat(reports.list()).extracting(CibReport::code).containsExactly("rule-idref-unresolved");
        assertThat(reports.list().get(0).message()).contains("rsc_location");
    }

    @Test
    void idRefCyclesAreReported() {
        XmlElement cib = xml("<c><rule id='a'><rule id-ref='a'/></rule></c>");
        Map<String, XmlElement> ids = RuleParser.indexIds(cib);
        Reports reports = new Reports();
        Rule r = RuleParser.parse(ids.get("a"), ids, reports);
        assertThat(reports.list()).extracting(CibReport::code).containsExactly("rule-idref-cycle");
        assertThat(r.passes(ANY)).isFalse();
    }

    @Test
    void unresolvedIdRefWithoutAnIndex() {
        Reports reports = new Reports();
        Rule r = RuleParser.parse(xml("<rule id-ref='x'/>"), reports);
        assertThat(r.conditions()).singleElement().isInstanceOf(InvalidExpression.class);
        assertThat(reports.list()).hasSize(1);
        assertThat(List.of(r.passes(ANY))).containsExactly(false);
    }
}
