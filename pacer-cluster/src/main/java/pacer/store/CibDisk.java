package pacer.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlSyntaxException;
import pacer.cib.xml.XmlWriter;

/**
 * This node's durable copy of the CIB in its state directory ({@code /var/lib/pacer}):
 * {@code cib.xml}, checksummed ({@link SignedCibFile}), and numbered backups
 * {@code cib-1.xml} (the previous version) to {@code cib-N.xml} (the oldest).
 *
 * <p>A write is crash-safe: the new content goes to {@code cib.xml.tmp}, which is fsynced; the
 * backups are rotated (the current file becomes {@code cib-1.xml} by a hard link, so {@code cib.xml}
 * never disappears); the temporary file is renamed over {@code cib.xml} atomically; and the
 * directory is fsynced so that the rename itself survives a power cut.
 *
 * <p>On {@link #load}, a current file that fails its checksum or does not parse is moved aside to
 * {@code cib.xml.corrupt-<UTC timestamp>}, logged, and the newest valid backup (or an empty CIB) is
 * used instead. Such a copy is {@linkplain Loaded#trusted() untrusted}: the node must take the
 * cluster's copy and never offer its own to peers.
 *
 * <p>Threading: not thread-safe. One owner calls it, the CIB thread of {@link CibStore}.
 */
public final class CibDisk {
    private static final Logger log = LoggerFactory.getLogger(CibDisk.class);
    static final String CURRENT = "cib.xml";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;
    private final int backups;

    /**
     * @param clock gives the timestamps of files set aside
     * @param backups how many previous versions to keep (0 keeps none)
     */
    public CibDisk(Path dir, Clock clock, int backups) {
        if (backups < 0) throw new IllegalArgumentException("backups must be 0 or more, not " + backups);
        this.dir = Objects.requireNonNull(dir, "dir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backups = backups;
    }

    /** Keeps 5 backups. */
    public CibDisk(Path dir, Clock clock) {
        this(dir, clock, 5);
    }

    public Path directory() { return dir; }

    /**
     * What {@link #load} found.
     *
     * @param trusted false when the current file was missing or corrupt and a backup or an empty
     *     CIB stands in for it: the cluster's copy must replace it, and it must never win a merge
     * @param origin the file it came from, or {@code "empty"}
     */
    public record Loaded(Cib cib, boolean trusted, String origin) {}

    /** The CIB of a node that never had one: version 0.0.0, empty sections but resource-stickiness=1. */
    public static XmlElement emptyCib() {
        // As pcs cluster setup does for a new cluster: a little stickiness, so that resources do
        // not move back (a second outage) when a failed node returns.
        XmlElement stickiness = XmlElement.of("nvpair", Map.of("id", "build-resource-stickiness",
                "name", "resource-stickiness", "value", "1"), List.of());
        XmlElement rscDefaults = XmlElement.of("rsc_defaults", Map.of(), List.of(
                XmlElement.of("meta_attributes", Map.of("id", "build-resource-defaults"), List.of(stickiness))));
        List<XmlElement> sections = List.of(
                XmlElement.of("crm_config", Map.of(), List.of()), XmlElement.of("nodes", Map.of(), List.of()),
                XmlElement.of("resources", Map.of(), List.of()), XmlElement.of("constraints", Map.of(), List.of()),
                rscDefaults);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("admin_epoch", "0");
        attrs.put("epoch", "0");
        attrs.put("num_updates", "0");
        attrs.put("validate-with", "pacemaker-3.9");
        attrs.put("crm_feature_set", "3.19.0");
        return XmlElement.of("cib", attrs, List.of(XmlElement.of("configuration", Map.of(), sections),
                XmlElement.of("status", Map.of(), List.of())));
    }

    /** Reads the local copy, setting a corrupt one aside (see the type's comment). */
    public Loaded load() throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(tmp());
        Path current = dir.resolve(CURRENT);
        if (Files.exists(current)) {
            try {
                return new Loaded(read(current), true, current.toString());
            } catch (CorruptCibFileException e) {
                Path aside = setAside(current);
                log.error("The local CIB {} is corrupt ({}); moved it to {}. It will not be used or sent to peers; "
                        + "this node takes the cluster's copy when it joins", current, e.getMessage(), aside);
                return fallback();
            }
        }
        if (anyBackupExists()) {
            log.warn("The local CIB {} is missing but backups exist; this node takes the cluster's copy when it joins", current);
            return fallback();
        }
        log.info("No CIB in {} yet; starting with an empty one (version 0.0.0)", dir);
        return new Loaded(CibParser.parse(emptyCib()), true, "empty");
    }

    /** Replaces {@code cib.xml} durably, keeping the previous version as {@code cib-1.xml}. */
    public void write(XmlElement cib) throws IOException {
        Files.createDirectories(dir);
        Path tmp = tmp();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(SignedCibFile.encode(XmlWriter.write(cib)));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        rotateBackups();
        Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory();
    }

    Path backup(int n) { return dir.resolve("cib-" + n + ".xml"); }

    private Path tmp() { return dir.resolve(CURRENT + ".tmp"); }

    private Cib read(Path file) throws IOException, CorruptCibFileException {
        String xml = SignedCibFile.decode(Files.readAllBytes(file));
        try {
            return CibParser.parse(xml, file.toString());
        } catch (XmlSyntaxException e) {
            throw new CorruptCibFileException("the checksum matches but the XML does not parse: " + e.getMessage());
        }
    }

    private Loaded fallback() throws IOException {
        for (int i = 1; i <= backups; i++) {
            Path b = backup(i);
            if (!Files.exists(b)) continue;
            try {
                Cib cib = read(b);
                log.warn("Using backup {} (version {}) until the cluster's copy replaces it", b, cib.version());
                return new Loaded(cib, false, b.toString());
            } catch (CorruptCibFileException e) {
                log.error("Backup {} is corrupt too ({}); skipping it", b, e.getMessage());
            }
        }
        log.warn("No valid backup in {}; using an empty CIB until the cluster's copy replaces it", dir);
        return new Loaded(CibParser.parse(emptyCib()), false, "empty");
    }

    private boolean anyBackupExists() {
        for (int i = 1; i <= backups; i++) {
            if (Files.exists(backup(i))) return true;
        }
        return false;
    }

    private Path setAside(Path current) throws IOException {
        String base = CURRENT + ".corrupt-" + STAMP.format(clock.instant());
        Path aside = dir.resolve(base);
        for (int n = 1; Files.exists(aside); n++) {
            aside = dir.resolve(base + "-" + n); // the same millisecond twice (a fixed test clock)
        }
        Files.move(current, aside, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory();
        return aside;
    }

    /** cib-(N-1) → cib-N, …, cib-1 → cib-2, then cib.xml is linked as cib-1. */
    private void rotateBackups() throws IOException {
        Path current = dir.resolve(CURRENT);
        if (backups == 0 || !Files.exists(current)) return;
        Files.deleteIfExists(backup(backups));
        for (int i = backups - 1; i >= 1; i--) {
            if (Files.exists(backup(i))) Files.move(backup(i), backup(i + 1), StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.createLink(backup(1), current);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(current, backup(1), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void fsyncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename is then as durable as the OS makes it
            log.debug("Cannot fsync directory {}: {}", dir, e.toString());
        }
    }
}
