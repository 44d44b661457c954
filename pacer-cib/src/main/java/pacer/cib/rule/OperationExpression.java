package pacer.cib.rule;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code op_expression}: passes when the operation's name matches (case-sensitively) and, if an
 * interval is given, the operation's interval is the same number of milliseconds.
 *
 * @param interval the {@code interval} text as written, e.g. {@code 10s}
 * @param intervalMs the interval in milliseconds; present exactly when {@code interval} is
 */
public record OperationExpression(String id, String name, Optional<String> interval, OptionalLong intervalMs,
                                  int line) implements Expression {
}
