/**
 * Pacemaker rules: parsing {@code rule} elements into typed records and evaluating them.
 *
 * <p>The model follows <em>Pacemaker Explained</em>, chapter "Rules": a {@link pacer.cib.rule.Rule}
 * combines conditions ({@link pacer.cib.rule.Expression}s: node attribute, date/time, resource
 * type and operation type expressions, and nested rules) with {@code and} or {@code or}.
 * {@link pacer.cib.rule.RuleParser} builds the records from XML and reports configuration
 * problems; anything Pacemaker would treat as "not passing" becomes an
 * {@link pacer.cib.rule.InvalidExpression}, which never passes.
 * {@link pacer.cib.rule.RuleEvaluator} evaluates a rule against a
 * {@link pacer.cib.rule.RuleContext} and reports when a date-based result may next change.
 *
 * <p>Dates and durations use Pacemaker's ISO 8601 dialect ({@link pacer.cib.rule.PcmkDate},
 * {@link pacer.cib.rule.PcmkDuration}), including its arithmetic quirks. Time is always an input:
 * nothing in this package reads a clock or the system time zone.
 */
package pacer.cib.rule;
