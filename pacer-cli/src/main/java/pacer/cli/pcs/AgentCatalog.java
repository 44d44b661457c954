package pacer.cli.pcs;

import java.util.List;
import java.util.Optional;
import pacer.cib.edit.AgentName;

/**
 * The agents a host offers, for {@code pcs resource standards|providers|agents|list|describe}
 * and {@code pcs stonith list|describe}: what is installed, and an agent's raw meta-data document.
 * {@link InstalledAgents} looks at the file system and runs agents; tests use a fixed table.
 */
public interface AgentCatalog {
    /** The resource standards with agents here ({@code lsb}, {@code ocf}, {@code service}, {@code systemd}), sorted. */
    List<String> standards();

    /** The OCF providers ({@code heartbeat}, {@code pacemaker}...), sorted. */
    List<String> providers();

    /** Every installed agent: OCF, LSB, systemd and fence agents ({@code stonith:fence_xvm}). */
    List<AgentName> agents();

    /** The agent's meta-data document, or empty when it is not installed or gives none. */
    Optional<String> metadataXml(AgentName agent);
}
