package pacer.scheduler;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.Map;
import pacer.cib.Operation;
import pacer.cib.Primitive;
import pacer.cib.report.Reports;
import pacer.cib.rule.Rule;
import pacer.cib.rule.RuleContext;
import pacer.cib.rule.RuleEvaluator;
import pacer.cib.rule.RuleParser;
import pacer.cib.xml.XmlElement;

/**
 * Evaluates Pacemaker rules for the scheduler at the run's "now" (in UTC). Thin adapter over
 * {@code pacer.cib.rule}, so that placement code speaks in nodes and resources. Parsed rules are
 * cached for the run; the cache belongs to the one scheduler call that owns this matcher.
 */
final class RuleMatcher {
    private final Instant now;
    private final Map<XmlElement, Rule> parsed = new IdentityHashMap<>();

    RuleMatcher(Instant now) { this.now = now; }

    Instant now() { return now; }

    boolean passes(XmlElement rule, Map<String, String> nodeAttributes, Primitive resource, Operation op) {
        Rule r = parsed.computeIfAbsent(rule, x -> RuleParser.parse(x, new Reports()));
        RuleContext ctx = RuleContext.forNode(nodeAttributes, now.atOffset(ZoneOffset.UTC));
        if (resource != null) ctx = ctx.withResource(resource.standard(), resource.provider().orElse(null), resource.type());
        if (op != null) ctx = ctx.withOperation(op.name(), op.intervalMs());
        return RuleEvaluator.passes(r, ctx);
    }
}
