package pacer.cli.pcs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlSyntaxException;
import pacer.cib.xml.XmlWriter;

/**
 * The CIB file of {@code -f FILE}. A file that does not exist yet starts as an empty CIB, as with
 * pcs. Writing is atomic: the new text goes to a temporary file in the same directory, is synced,
 * and is renamed over the old one, so a reader sees the old CIB or the new one, never half of it.
 */
final class CibFile implements CibLocation {
    /** What {@code cibadmin --empty} gives: a CIB with empty sections. */
    static final String EMPTY = """
            <cib admin_epoch="0" epoch="0" num_updates="0" validate-with="pacemaker-3.9" crm_feature_set="3.19.0">
              <configuration>
                <crm_config/>
                <nodes/>
                <resources/>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;

    private final Path path;

    CibFile(Path path) {
        this.path = path;
    }

    Path path() { return path; }

    /** @throws PcsFailure naming the file when it cannot be read or is not well-formed XML */
    @Override
    public Cib read() {
        String xml;
        try {
            xml = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            xml = EMPTY;
        } catch (IOException e) {
            throw new PcsFailure("unable to read the CIB file '" + path + "': " + reason(e));
        }
        try {
            return CibParser.parse(xml, path.toString());
        } catch (XmlSyntaxException e) {
            throw new PcsFailure("unable to parse the CIB file: " + e.getMessage());
        }
    }

    /** Replaces the file's content with {@code cib}, atomically, keeping the file's permissions. */
    @Override
    public void write(XmlElement cib) {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
            Files.writeString(tmp, XmlWriter.write(cib), StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (Files.exists(path)) copyPermissions(path, tmp);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one to report
                }
            }
            throw new PcsFailure("unable to write the CIB file '" + path + "': " + reason(e));
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(from);
            Files.setPosixFilePermissions(to, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions will do
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        return String.valueOf(e.getMessage());
    }
}
