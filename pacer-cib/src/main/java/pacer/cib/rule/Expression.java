package pacer.cib.rule;

/**
 * One condition inside a {@link Rule}: a node attribute, date/time, resource type or operation
 * type expression, a nested rule, or a condition that could not be understood (which never
 * passes, as in Pacemaker).
 */
public sealed interface Expression
        permits AttributeExpression, DateExpression, ResourceExpression, OperationExpression, Rule,
                InvalidExpression {
    /** The element's {@code id} ({@code ""} when it had none). */
    String id();

    /** 1-based source line, or 0 when unknown. */
    int line();
}
