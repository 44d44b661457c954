package pacer.cib.edit;

import java.util.Optional;

/**
 * A resource agent's full name, {@code standard:provider:type} ({@code ocf:heartbeat:IPaddr2})
 * or {@code standard:type} for standards without providers ({@code systemd:httpd}).
 */
public record AgentName(String standard, Optional<String> provider, String type) {
    public AgentName {
        provider = provider.filter(p -> !p.isEmpty());
    }

    public static AgentName of(String standard, String provider, String type) {
        return new AgentName(standard, Optional.ofNullable(provider), type);
    }

    /**
     * Parses a full name; a bare type ({@code IPaddr2}) gives empty, to be resolved against the
     * installed agents. {@code ocf} requires a provider.
     */
    public static Optional<AgentName> parseFull(String text) {
        String[] parts = text.split(":", -1);
        for (String p : parts) if (p.isEmpty()) return Optional.empty();
        if (parts.length == 3) return Optional.of(of(parts[0], parts[1], parts[2]));
        if (parts.length == 2 && !parts[0].equals("ocf")) return Optional.of(of(parts[0], null, parts[1]));
        return Optional.empty();
    }

    public boolean isStonith() { return standard.equals("stonith"); }

    /** {@code ocf:heartbeat:IPaddr2}. */
    public String full() { return standard + provider.map(p -> ":" + p).orElse("") + ":" + type; }

    @Override public String toString() { return full(); }
}
