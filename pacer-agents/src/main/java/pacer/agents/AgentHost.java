package pacer.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where this host keeps its agents, and whether systemd runs here.
 *
 * @param ocfRoot {@code /usr/lib/ocf}: agents under {@code resource.d/PROVIDER/TYPE}; also the
 *     {@code OCF_ROOT} given to agents
 * @param initDir {@code /etc/init.d}, for LSB scripts
 * @param fenceAgentDir {@code /usr/sbin}, for fence agents
 * @param systemctl the {@code systemctl} program
 * @param systemdRunning whether systemd is this host's init (PID 1); where it is not, systemd
 *     resources fail with "systemd is not available on this host"
 */
public record AgentHost(Path ocfRoot, Path initDir, Path fenceAgentDir, Path systemctl, boolean systemdRunning) {
    public static final Path OCF_ROOT = Path.of("/usr/lib/ocf");

    /** The standard paths, and systemd detected as below. */
    public static AgentHost detect() {
        Path systemctl = Files.isExecutable(Path.of("/usr/bin/systemctl")) ? Path.of("/usr/bin/systemctl")
                : Path.of("/bin/systemctl");
        return new AgentHost(OCF_ROOT, Path.of("/etc/init.d"), Path.of("/usr/sbin"), systemctl, systemdIsInit());
    }

    /**
     * systemd is the init system when, as {@code sd_booted()} checks, {@code /run/systemd/system}
     * exists, and PID 1 is systemd itself (a container may see the host's {@code /run} without
     * running systemd).
     */
    static boolean systemdIsInit() {
        if (!Files.isDirectory(Path.of("/run/systemd/system"))) return false;
        try {
            return Files.readString(Path.of("/proc/1/comm")).strip().equals("systemd");
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    public AgentHost withSystemdRunning(boolean running) {
        return new AgentHost(ocfRoot, initDir, fenceAgentDir, systemctl, running);
    }

    /** The directory of OCF agents, {@code OCF_ROOT/resource.d}. */
    public Path ocfAgentDir() { return ocfRoot.resolve("resource.d"); }
}
