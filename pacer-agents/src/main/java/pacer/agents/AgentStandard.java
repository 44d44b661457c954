package pacer.agents;

import java.util.Locale;
import java.util.Optional;

/** The resource classes Pacer runs, by the name used in the CIB's {@code class} attribute. */
public enum AgentStandard {
    OCF("ocf"),
    LSB("lsb"),
    SYSTEMD("systemd"),
    /** An alias resolved per host: systemd where systemd runs, LSB elsewhere. */
    SERVICE("service"),
    STONITH("stonith");

    private final String cibName;

    AgentStandard(String cibName) { this.cibName = cibName; }

    /** The name as written in the CIB ({@code ocf}, {@code lsb}, ...). */
    public String cibName() { return cibName; }

    /** Only OCF agents have a provider. */
    public boolean hasProvider() { return this == OCF; }

    public static Optional<AgentStandard> fromCibName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (AgentStandard s : values()) {
            if (s.cibName.equals(n)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
