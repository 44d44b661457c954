package pacer.cib.rule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates rules and their conditions as Pacemaker does.
 *
 * <p>Conditions are evaluated in document order and evaluation stops at the first failure of an
 * {@code and} rule or the first success of an {@code or} rule. The next-change instant gathers
 * the earliest moment at which an <em>evaluated</em> {@code in_range}, {@code gt} or {@code lt}
 * expression would change its result (Pacemaker schedules a cluster re-check for it);
 * {@code date_spec} expressions contribute nothing, as in Pacemaker.
 */
public final class RuleEvaluator {
    private RuleEvaluator() {}

    /**
     * The outcome of an evaluation.
     *
     * @param nextChange the earliest instant at which a date expression that was evaluated would
     *                   change its result, if any is known
     */
    public record Result(boolean passed, Optional<Instant> nextChange) {}

    /** Whether {@code rule} passes in {@code context}. */
    public static boolean passes(Rule rule, RuleContext context) {
        return evaluate(rule, context).passed();
    }

    /** Evaluates a rule (or any condition) and reports when a date-based result could change. */
    public static Result evaluate(Expression expression, RuleContext context) {
        Instant[] next = {null};
        boolean passed = test(expression, context, next);
        return new Result(passed, Optional.ofNullable(next[0]));
    }

    private static boolean test(Expression e, RuleContext ctx, Instant[] next) {
        if (e instanceof Rule r) return testRule(r, ctx, next);
        if (e instanceof AttributeExpression a) return AttributeEvaluation.passes(a, ctx);
        if (e instanceof DateExpression d) return testDate(d, ctx, next);
        if (e instanceof ResourceExpression r) return testResource(r, ctx);
        if (e instanceof OperationExpression o) return testOperation(o, ctx);
        return false; // InvalidExpression never passes
    }

    private static boolean testRule(Rule rule, RuleContext ctx, Instant[] next) {
        List<Expression> conditions = rule.conditions();
        if (conditions.isEmpty()) return true;
        boolean or = rule.booleanOp() == Rule.BooleanOp.OR;
        for (Expression c : conditions) {
            boolean ok = test(c, ctx, next);
            if (or && ok) return true;
            if (!or && !ok) return false;
        }
        return !or;
    }

    private static boolean testResource(ResourceExpression r, RuleContext ctx) {
        Optional<RuleContext.Agent> agent = ctx.resource();
        return matches(r.standard(), agent.map(RuleContext.Agent::standard))
                && matches(r.provider(), agent.flatMap(RuleContext.Agent::provider))
                && matches(r.type(), agent.map(RuleContext.Agent::type));
    }

    private static boolean matches(Optional<String> wanted, Optional<String> actual) {
        return wanted.isEmpty() || wanted.equals(actual);
    }

    private static boolean testOperation(OperationExpression o, RuleContext ctx) {
        if (ctx.operation().isEmpty() || !o.name().equals(ctx.operation().get().name())) return false;
        return o.intervalMs().isEmpty() || o.intervalMs().getAsLong() == ctx.operation().get().intervalMs();
    }

    private static boolean testDate(DateExpression d, RuleContext ctx, Instant[] next) {
        PcmkDate now = PcmkDate.of(ctx.now());
        Optional<PcmkDate> start = d.start().map(s -> s.atLocalOffset(ctx.localOffset()));
        Optional<PcmkDate> end = d.end().map(s -> s.atLocalOffset(ctx.localOffset()));
        switch (d.operation()) {
            case DATE_SPEC -> {
                return d.dateSpec().map(spec -> spec.matches(ctx.now())).orElse(false);
            }
            case GT -> {
                if (start.isEmpty()) return false;
                if (now.isAfter(start.get())) return true;
                earliest(next, start.get().plusSeconds(1));
                return false;
            }
            case LT -> {
                if (end.isEmpty()) return false;
                if (!now.isBefore(end.get())) return false;
                earliest(next, end.get());
                return true;
            }
            case IN_RANGE -> {
                if (start.isEmpty() && end.isEmpty()) return false;
                if (end.isEmpty() && d.duration().isPresent()) end = Optional.of(d.duration().get().addTo(start.get()));
                if (start.isPresent() && now.isBefore(start.get())) {
                    earliest(next, start.get());
                    return false;
                }
                if (end.isPresent()) {
                    if (now.isAfter(end.get())) return false;
                    earliest(next, end.get().plusSeconds(1));
                }
                return true;
            }
            default -> throw new IllegalStateException(d.operation().toString());
        }
    }

    private static void earliest(Instant[] next, PcmkDate candidate) {
        Instant i = candidate.toInstant();
        if (next[0] == null || i.isBefore(next[0])) next[0] = i;
    }
}
