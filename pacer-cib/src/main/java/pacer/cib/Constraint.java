package pacer.cib;

/**
 * A constraint from the {@code constraints} section. The family is closed; {@link #kind()} lets a
 * switch cover it exhaustively.
 */
public sealed interface Constraint permits LocationConstraint, ColocationConstraint, OrderConstraint, TicketConstraint {
    String id();

    Kind kind();

    int line();

    enum Kind { LOCATION, COLOCATION, ORDER, TICKET }
}
