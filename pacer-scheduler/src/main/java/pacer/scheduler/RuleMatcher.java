package pacer.scheduler;

import java.time.Instant;
import java.util.Map;
import pacer.cib.Operation;
import pacer.cib.Primitive;
import pacer.cib.xml.XmlElement;

/**
 * Evaluates Pacemaker rules for the scheduler at the run's "now". Thin adapter over
 * {@code pacer.cib.rule}, so that placement code speaks in nodes and resources.
 */
final class RuleMatcher {
    private final Instant now;

    RuleMatcher(Instant now) { this.now = now; }

    Instant now() { return now; }

    boolean passes(XmlElement rule, Map<String, String> nodeAttributes, Primitive resource, Operation op) {
        return SimpleRules.passes(rule, nodeAttributes, resource, op, now);
    }
}
