package pacer.cib.rule;

/**
 * A condition Pacemaker would treat as "not passing" because its configuration is invalid (the
 * problem was reported when the rule was parsed). It never passes.
 *
 * @param element the XML element name, e.g. {@code expression}
 * @param reason why it is invalid, as reported
 */
public record InvalidExpression(String id, String element, String reason, int line) implements Expression {
    public InvalidExpression {
        id = id == null ? "" : id;
    }
}
