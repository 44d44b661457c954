package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.rule.RuleTestSupport.at;
import static pacer.cib.rule.RuleTestSupport.ruleWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceAndOperationExpressionTest {
    private static final RuleContext BASE = at("2024-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0} vs {1}:{2}:{3}")
    @CsvSource(nullValues = "NULL", value = {
        "class='ocf' provider='heartbeat' type='IPaddr2', ocf,     heartbeat, IPaddr2,   true",
        "class='ocf' provider='heartbeat' type='IPaddr2', ocf,     pacemaker, IPaddr2,   false",
        "class='ocf' provider='heartbeat' type='IPaddr2', ocf,     heartbeat, ipaddr2,   false",
        "class='stonith' type='fence_xvm',                stonith, NULL,      fence_xvm, true",
        "class='stonith' provider='x' type='fence_xvm',   stonith, NULL,      fence_xvm, false",
        "type='Dummy',                                    ocf,     pacemaker, Dummy,     true",
        "'',                                              systemd, NULL,      sshd,      true",
    })
    void resourceExpressionsMatchTheAgent(String attrs, String standard, String provider, String type, boolean ok) {
        Rule r = ruleWith("<rsc_expression id='x' " + attrs + "/>");
        assertThat(r.passes(BASE.withResource(standard, provider, type))).isEqualTo(ok);
    }

    @ParameterizedTest(name = "{0} vs {1}/{2}")
    @CsvSource({
        "name='monitor',                monitor, 10000, true",
        "name='monitor',                start,   0,     false",
        "name='monitor' interval='10s', monitor, 10000, true",
        "name='monitor' interval='10',  monitor, 10000, true",
        "name='monitor' interval='PT10S', monitor, 10000, true",
        "name='monitor' interval='10s', monitor, 20000, false",
        "name='monitor' interval='0',   monitor, 0,     true",
        "name='Monitor',                monitor, 0,     false",
    })
    void operationExpressionsMatchNameAndInterval(String attrs, String name, long interval, boolean ok) {
        Rule r = ruleWith("<op_expression id='o' " + attrs + "/>");
        assertThat(r.passes(BASE.withOperation(name, interval))).isEqualTo(ok);
    }

    @ParameterizedTest
    @CsvSource({"<rsc_expression id='x' class='ocf'/>", "<op_expression id='o' name='monitor'/>"})
    void withoutAResourceOrOperationTheyDoNotPass(String condition) {
        assertThat(ruleWith(condition).passes(BASE)).isFalse();
    }
}
