package pacer.cib.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedComparisonTest {
    @ParameterizedTest(name = "{0} vs {1} as {2}")
    @CsvSource(nullValues = "NULL", value = {
        "NULL, NULL, STRING,   0",
        "0,    NULL, INTEGER,  1",
        "NULL, 0,    NUMBER,  -1",
        "bye,  BYE,  STRING,   0",
        "bye,  HELLO, STRING, -1",
        "bye,  Boo,  STRING,   1",
        "3999, 399,  INTEGER,  1",
        "3999, 399,  STRING,   1",
        "0,    x,    INTEGER, -1",   // '0' < 'x' as strings
        "x,    X,    NUMBER,   0",
        "0,    0.0,  NUMBER,   0",
        "-2147483648, 2147483647, INTEGER, -1",
        "1.0.0, 1.0.1, VERSION, -1",
        "5.0,  3.1.15, VERSION, 1",
        "1.0,  1.0.0, VERSION,  0",
        "' 2.0', 1.9, VERSION,  1",
        "abc,  0,    VERSION,   0",  // no digits: no segments, all zero
    })
    void comparesLikePacemaker(String a, String b, AttributeExpression.Type type, int sign) {
        assertThat(Integer.signum(TypedComparison.compare(a, b, type))).isEqualTo(sign);
    }
}
