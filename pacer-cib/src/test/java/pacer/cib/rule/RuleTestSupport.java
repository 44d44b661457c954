package pacer.cib.rule;

import java.time.OffsetDateTime;
import java.util.Map;
import pacer.cib.report.Reports;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;

/** Shared helpers: XML in, rule out. */
final class RuleTestSupport {
    private RuleTestSupport() {}

    static XmlElement xml(String text) {
        return XmlReader.parse(text, "test");
    }

    static Rule rule(String text) {
        Reports reports = new Reports();
        Rule r = RuleParser.parse(xml(text), reports);
        if (!reports.list().isEmpty()) throw new AssertionError("unexpected reports: " + reports.list());
        return r;
    }

    /** A rule holding a single condition. */
    static Rule ruleWith(String condition) {
        return rule("<rule id='r' score='INFINITY'>" + condition + "</rule>");
    }

    static RuleContext at(String isoNow) {
        return RuleContext.at(OffsetDateTime.parse(isoNow));
    }

    static RuleContext node(Map<String, String> attrs) {
        return RuleContext.forNode(attrs, OffsetDateTime.parse("2024-01-01T00:00:00Z"));
    }
}
