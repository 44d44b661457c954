package pacer.cib.rule;

import java.util.Optional;

/**
 * {@code rsc_expression}: passes when the resource's agent matches every attribute that is set
 * (case-sensitively). An expression with none set matches every resource.
 *
 * @param standard the {@code class} attribute, e.g. {@code ocf}
 * @param provider e.g. {@code heartbeat}
 * @param type the agent, e.g. {@code IPaddr2}
 */
public record ResourceExpression(String id, Optional<String> standard, Optional<String> provider,
                                 Optional<String> type, int line) implements Expression {
}
