package pacer.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whether pacerd starts the cluster when it starts ({@code pcs cluster enable|disable}), recorded
 * in {@code STATE-DIR/cluster-autostart} ({@code enabled} or {@code disabled}). With no record
 * the answer is yes, as before the record existed: pacerd starts the cluster whenever a cluster
 * configuration is there. pacerd itself always starts at boot where systemd enables it, since its
 * HTTPS API must answer; this record only decides whether it also joins the cluster.
 *
 * <p>Thread-safe: every call reads or replaces the file atomically.
 */
final class AutoStart {
    static final String FILE = "cluster-autostart";
    private final Path file;

    AutoStart(Path stateDir) { this.file = stateDir.resolve(FILE); }

    Path file() { return file; }

    boolean enabled() {
        try {
            return !Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).strip().equals("disabled");
        } catch (IOException e) {
            return true; // an unreadable record does not keep a cluster down; pacerd logs the start
        }
    }

    void set(boolean enabled) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, (enabled ? "enabled" : "disabled") + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void forget() throws IOException { Files.deleteIfExists(file); }
}
