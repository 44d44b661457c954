package pacer.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.CibParser;

/** Whatever Pacer reads, it writes back: unknown content, attribute order and special characters. */
class XmlRoundTripTest {
    static final String CIB_WITH_UNKNOWNS = """
            <cib epoch="3" num_updates="1" admin_epoch="0" validate-with="pacemaker-3.9" x-vendor="acme">
              <configuration>
                <crm_config/>
                <nodes>
                  <node id="1" uname="n1" x-rack="r7"/>
                </nodes>
                <resources>
                  <primitive id="d" class="ocf" provider="pacemaker" type="Dummy" x-owner="web team">
                    <x-annotation priority="high">keep me</x-annotation>
                  </primitive>
                </resources>
                <constraints/>
                <alerts>
                  <alert id="a1" path="/usr/share/pacemaker/alerts/alert_smtp.sh"/>
                </alerts>
                <future-section mode="experimental">
                  <future-item id="f1"/>
                </future-section>
              </configuration>
              <status/>
            </cib>
            """;

    static XmlElement roundTrip(XmlElement e) {
        return XmlReader.parse(XmlWriter.write(e), "written");
    }

    @Test
    @DisplayName("unknown elements and attributes survive parse, write, parse")
    void unknownContentSurvives() {
        XmlElement first = XmlReader.parse(CIB_WITH_UNKNOWNS, "in");
        XmlElement second = roundTrip(first);

        assertThat(second).isEqualTo(first);
        String written = XmlWriter.write(second);
        assertThat(written).contains("x-vendor=\"acme\"", "<x-annotation priority=\"high\">keep me</x-annotation>",
                "<future-section mode=\"experimental\">", "<alert id=\"a1\"", "x-owner=\"web team\"");
    }

    @Test
    @DisplayName("the XML kept by the CIB model is the whole document, unknown parts included")
    void cibModelKeepsTheWholeTree() {
        XmlElement source = XmlReader.parse(CIB_WITH_UNKNOWNS, "in");
        XmlElement kept = CibParser.parse(CIB_WITH_UNKNOWNS, "in").xml();

        assertThat(kept).isEqualTo(source);
        assertThat(roundTrip(kept)).isEqualTo(source);
    }

    @Test
    @DisplayName("attributes keep their document order through a round trip")
    void attributeOrderKept() {
        XmlElement e = XmlReader.parse("<op zeta=\"1\" alpha=\"2\" mid=\"3\" id=\"o\" name=\"monitor\"/>", "in");

        assertThat(e.attributes().keySet()).containsExactly("zeta", "alpha", "mid", "id", "name");
        assertThat(roundTrip(e).attributes().keySet()).containsExactly("zeta", "alpha", "mid", "id", "name");
        assertThat(XmlWriter.write(e)).startsWith("<op zeta=\"1\" alpha=\"2\" mid=\"3\" id=\"o\" name=\"monitor\"");
    }

    @Test
    @DisplayName("quotes, ampersands, angle brackets, tabs and newlines in attribute values are escaped and restored")
    void attributeEscaping() {
        String value = "say \"hi\" & <bye>\nsecond line\tand a tab";
        XmlElement e = XmlElement.of("nvpair", java.util.Map.of("value", value), java.util.List.of());

        String written = XmlWriter.write(e);
        assertThat(written).contains("&quot;hi&quot;", "&amp;", "&lt;bye&gt;", "&#10;", "&#9;");
        assertThat(written.strip()).doesNotContain("\n");
        assertThat(roundTrip(e).attr("value")).isEqualTo(value);
    }

    @Test
    @DisplayName("ampersands and angle brackets in text content are escaped and restored")
    void textEscaping() {
        XmlElement e = XmlReader.parse("<description>a &amp; b &lt; c \"quoted\"</description>", "in");

        assertThat(e.text()).isEqualTo("a & b < c \"quoted\"");
        assertThat(XmlWriter.write(e)).contains("a &amp; b &lt; c");
        assertThat(roundTrip(e).text()).isEqualTo(e.text());
    }

    @Test
    @DisplayName("elements keep their source line; trees built in memory have line 0")
    void linesKept() {
        XmlElement e = XmlReader.parse("<a>\n  <b/>\n\n  <c/>\n</a>", "in");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.children()).extracting(XmlElement::line).containsExactly(2, 4);
        assertThat(XmlElement.of("x", java.util.Map.of(), java.util.List.of()).line()).isZero();
    }

    @Test
    @DisplayName("malformed XML throws a syntax error naming source and line")
    void malformedXml() {
        assertThatThrownBy(() -> XmlReader.parse("<a>\n<b>\n</a>", "cib.xml"))
                .isInstanceOfSatisfying(XmlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.source()).isEqualTo("cib.xml");
                    assertThat(e.getMessage()).contains("cib.xml:3:");
                });
    }

    @Test
    @DisplayName("a DOCTYPE (the door to external entities) is refused")
    void doctypeRefused() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE cib [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<cib>&x;</cib>";
        assertThatThrownBy(() -> XmlReader.parse(xxe, "evil.xml")).isInstanceOf(XmlSyntaxException.class);
    }
}
