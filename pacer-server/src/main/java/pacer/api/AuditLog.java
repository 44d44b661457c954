package pacer.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log ({@code state-dir/audit.log}, mode 0600): one line per change or login attempt,
 * in {@code key=value} form so that both people and {@code grep}/{@code awk} read it:
 *
 * <pre>
 * time=2025-06-01T10:00:00Z user=hacluster source=192.168.33.11 action="POST /auth" object=token result="200 granted"
 * </pre>
 *
 * <p>Lines are appended under this object's lock, one write each, so concurrent requests never
 * interleave within a line. A failure to write is logged and does not fail the request.
 */
public final class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private final Path file;
    private final InstantSource clock;

    public AuditLog(Path file, InstantSource clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Appends one record. */
    public synchronized void record(String user, String source, String action, String object, String result) {
        String line = "time=" + clock.instant() + " user=" + quote(user) + " source=" + quote(source)
                + " action=" + quote(action) + " object=" + quote(object) + " result=" + quote(result) + "\n";
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | UnsupportedOperationException e) {
            log.error("Cannot write the audit log {}: {}; the record was: {}", file, e.getMessage(), line.strip());
        }
    }

    /** The file this log appends to. */
    public Path file() {
        return file;
    }

    /** A value as is when it is one plain word, else in double quotes; "-" when empty. */
    static String quote(String value) {
        if (value == null || value.isEmpty()) return "-";
        if (value.chars().allMatch(c -> c > ' ' && c != '"' && c != '=' && c < 127)) return value;
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
