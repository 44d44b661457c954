package pacer.cib;

import java.util.Locale;
import java.util.Optional;

/**
 * A resource's role, in Pacemaker's order. Both dialects parse: {@code Master}/{@code Slave} are
 * the old names of {@code Promoted}/{@code Unpromoted}.
 */
public enum Role {
    UNKNOWN("Unknown"), STOPPED("Stopped"), STARTED("Started"), UNPROMOTED("Unpromoted"), PROMOTED("Promoted");

    private final String label;

    Role(String label) { this.label = label; }

    /** The name Pacemaker 3 prints. */
    public String label() { return label; }

    public boolean isActive() { return this == STARTED || this == UNPROMOTED || this == PROMOTED; }

    public static Optional<Role> parse(String text) {
        if (text == null) return Optional.empty();
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "stopped" -> Optional.of(STOPPED);
            case "started" -> Optional.of(STARTED);
            case "unpromoted", "slave" -> Optional.of(UNPROMOTED);
            case "promoted", "master" -> Optional.of(PROMOTED);
            case "unknown" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }
}
