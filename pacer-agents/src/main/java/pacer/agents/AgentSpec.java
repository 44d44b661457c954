package pacer.agents;

import java.util.Optional;
import java.util.regex.Pattern;
import pacer.cib.Primitive;

/**
 * Which agent: {@code ocf:heartbeat:Dummy}, {@code lsb:ntp}, {@code systemd:nginx},
 * {@code service:nginx}, {@code stonith:fence_ipmilan}.
 *
 * <p>Names become file paths, so the constructor refuses anything that could leave the agents'
 * directory: a provider or type must be a plain name (letters, digits, {@code _ . @ + -}, not
 * starting with a dot).
 */
public record AgentSpec(AgentStandard standard, Optional<String> provider, String type) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_@+\\-][A-Za-z0-9_.@+\\-]*");

    public AgentSpec {
        if (standard.hasProvider() && provider.isEmpty()) {
            throw new IllegalArgumentException(standard.cibName() + " agents need a provider: " + type);
        }
        if (!standard.hasProvider() && provider.isPresent()) {
            throw new IllegalArgumentException(standard.cibName() + " agents have no provider: "
                    + provider.get() + ":" + type);
        }
        provider.ifPresent(p -> requireName("provider", p));
        requireName("type", type);
    }

    public static AgentSpec ocf(String provider, String type) {
        return new AgentSpec(AgentStandard.OCF, Optional.of(provider), type);
    }

    public static AgentSpec of(AgentStandard standard, String type) {
        return new AgentSpec(standard, Optional.empty(), type);
    }

    /** Parses {@code class:provider:type} or {@code class:type}. */
    public static AgentSpec parse(String text) {
        String[] parts = text.split(":", -1);
        AgentStandard standard = AgentStandard.fromCibName(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("unknown resource class in '" + text + "'"));
        if (parts.length == 3) return new AgentSpec(standard, Optional.of(parts[1]), parts[2]);
        if (parts.length == 2) return new AgentSpec(standard, Optional.empty(), parts[1]);
        throw new IllegalArgumentException("expected class:provider:type or class:type, got '" + text + "'");
    }

    /** The agent of a primitive from the CIB. */
    public static AgentSpec of(Primitive primitive) {
        AgentStandard standard = AgentStandard.fromCibName(primitive.standard())
                .orElseThrow(() -> new IllegalArgumentException("unknown resource class '"
                        + primitive.standard() + "' of " + primitive.id()));
        return new AgentSpec(standard, primitive.provider(), primitive.type());
    }

    @Override public String toString() {
        return standard.cibName() + provider.map(p -> ":" + p).orElse("") + ":" + type;
    }

    private static void requireName(String what, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid agent " + what + " '" + value + "'");
        }
    }
}
