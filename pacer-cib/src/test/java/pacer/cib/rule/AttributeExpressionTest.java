package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.rule.RuleTestSupport.node;
import static pacer.cib.rule.RuleTestSupport.ruleWith;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeExpressionTest {
    private static boolean passes(String op, String type, String actual, String value) {
        String typeAttr = type.isEmpty() ? "" : " type='" + type + "'";
        String valueAttr = value == null ? "" : " value='" + value + "'";
        Rule r = ruleWith("<expression id='e' attribute='a' operation='" + op + "'" + typeAttr + valueAttr + "/>");
        return r.passes(node(actual == null ? Map.of() : Map.of("a", actual)));
    }

    @ParameterizedTest(name = "{1} {0} {2} {3} -> {4}")
    @CsvSource(nullValues = "NULL", value = {
        // operation, type, actual, value, passes
        "eq,  '',      abc,   abc,   true",
        "eq,  '',      abc,   ABC,   true",      // strings compare case-insensitively
        "eq,  '',      abc,   abd,   false",
        "ne,  '',      abc,   abd,   true",
        "ne,  '',      abc,   ABC,   false",
        "ne,  '',      NULL,  abc,   true",      // an undefined attribute is not equal to anything
        "eq,  '',      NULL,  abc,   false",
        "lt,  '',      NULL,  5,     false",     // ordering needs both values
        "gte, '',      NULL,  5,     false",
        "lt,  '',      9,     10,    true",      // default integer: 9 < 10 numerically
        "lt,  string,  9,     10,    false",     // as strings '9' > '10'
        "gt,  '',      10,    9,     true",
        "lte, '',      10,    10,    true",
        "gte, '',      9,     10,    false",
        "lt,  '',      2.5,   10,    true",      // a '.' makes the default number
        "lt,  integer, 3.9,   3,     false",     // integer reads the leading integer: 3 < 3 is false
        "lte, integer, 3.9,   3,     true",
        "eq,  integer, 007,   7,     true",
        "eq,  integer, 12abc, 12,    true",      // trailing text ignored
        "gt,  integer, 9223372036854775807, 9223372036854775806, true",  // 64-bit
        "lt,  integer, abc,   abd,   true",      // non-numbers fall back to strings
        "eq,  number,  1.0,   1,     true",
        "lt,  number,  0.345, 0.5,   true",
        "gt,  number,  5,     3.1,   true",
        "gt,  number,  1e3,   999.5, true",
        "eq,  number,  nan,   42,    true",      // NaN compares equal to everything
        "lt,  version, 1.0.0, 1.0.1, true",
        "gt,  version, 5.0,   3.1.15, true",
        "eq,  version, 1.0,   1,     true",      // missing segments are 0
        "gt,  version, 3999,  399,   true",
        "lt,  version, 2.1-rc1, 2.1.1, true",    // text after the digits is ignored
        "defined,     '', x,    NULL, true",
        "defined,     '', NULL, NULL, false",
        "not_defined, '', NULL, NULL, true",
        "not_defined, '', x,    NULL, false",
    })
    void comparesByOperationAndType(String op, String type, String actual, String value, boolean expected) {
        assertThat(passes(op, type, actual, value)).isEqualTo(expected);
    }

    @Test
    void operationAndTypeAreCaseInsensitive() {
        assertThat(passes("LT", "INTEGER", "9", "10")).isTrue();
        assertThat(passes("Eq", "String", "x", "X")).isTrue();
    }

    @Test
    void paramAndMetaSourcesReadTheResource() {
        Rule param = ruleWith("<expression id='e' attribute='site' operation='eq' value='wanted' value-source='param'/>");
        Rule meta = ruleWith("<expression id='e' attribute='site' operation='eq' value='wanted' value-source='meta'/>");
        RuleContext ctx = node(Map.of("site", "east")).withResourceParams(Map.of("wanted", "east"))
                .withResourceMeta(Map.of("wanted", "west"));
        assertThat(param.passes(ctx)).isTrue();
        assertThat(meta.passes(ctx)).isFalse();
        assertThat(meta.passes(ctx.withResourceMeta(Map.of("wanted", "EAST")))).isTrue();
    }

    @Test
    void missingParamEqualsUndefinedAttributeAsPacemakerDoes() {
        Rule eq = ruleWith("<expression id='e' attribute='site' operation='eq' value='p' value-source='param'/>");
        Rule lt = ruleWith("<expression id='e' attribute='site' operation='lte' value='p' value-source='param'/>");
        assertThat(eq.passes(node(Map.of()))).as("both sides undefined compare equal").isTrue();
        assertThat(eq.passes(node(Map.of("site", "x")))).isFalse();
        assertThat(lt.passes(node(Map.of()))).as("ordering needs both values").isFalse();
    }

    @Test
    void defaultTypeLooksAtTheReferenceValueFromItsSource() {
        Rule r = ruleWith("<expression id='e' attribute='load' operation='lt' value='max' value-source='param'/>");
        RuleContext ctx = node(Map.of("load", "10")).withResourceParams(Map.of("max", "9.5"));
        assertThat(r.passes(ctx)).as("10 < 9.5 as numbers").isFalse();
        assertThat(r.passes(ctx.withResourceParams(Map.of("max", "10.5")))).isTrue();
    }

    @Test
    void submatchesExpandInTheAttributeName() {
        Rule r = ruleWith("<expression id='e' attribute='prefer-%2' operation='defined'/>");
        RuleContext ctx = node(Map.of("prefer-httpd", "100")).withSubmatches(List.of("server-httpd", "server", "httpd"));
        assertThat(r.passes(ctx)).isTrue();
        assertThat(r.passes(ctx.withSubmatches(List.of("ip-gateway", "ip", "gateway")))).isFalse();
        assertThat(AttributeEvaluation.expand("a%9b%1", List.of("x-y", "x"))).isEqualTo("abx");
        assertThat(AttributeEvaluation.expand("a%1", List.of())).isEqualTo("a%1");
    }

    @Test
    void builtInNodeAttributesAreOrdinaryLookups() {
        Rule r = ruleWith("<expression id='e' attribute='#uname' operation='eq' value='node3'/>");
        assertThat(r.passes(node(Map.of("#uname", "node3")))).isTrue();
        assertThat(r.passes(node(Map.of("#uname", "node1")))).isFalse();
    }
}
