package pacer.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Pacer's own password file ({@code state-dir/passwords}, mode 0600), used where PAM is not
 * available. One user per line, {@code #} starts a comment:
 *
 * <pre>
 * hacluster:haclient:pbkdf2-sha256:600000:SALT_BASE64:HASH_BASE64
 * </pre>
 *
 * <p>Fields: user, groups (comma-separated), algorithm, iterations, 16-byte salt, 32-byte
 * PBKDF2-HMAC-SHA256 output. The groups field models group membership in this mode.
 * {@code pacer host password} writes the same format (the CLI tests check that they agree).
 * The file is read again on every lookup, so a changed password works at once.
 */
public final class PasswordFile {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: about half a second per check here. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    /** One line of the file. */
    public record Entry(String user, Set<String> groups, int iterations, byte[] salt, byte[] hash) {
        public Entry {
            groups = Set.copyOf(groups);
            salt = salt.clone();
            hash = hash.clone();
        }
    }

    private final Path file;

    public PasswordFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The entry for {@code user}; empty when the file or the user is missing. */
    public Optional<Entry> find(String user) throws IOException {
        return read().stream().filter(e -> e.user().equals(user)).findFirst();
    }

    /** Whether {@code password} is the one {@code entry} was made from (constant-time compare). */
    public static boolean matches(Entry entry, char[] password) {
        return MessageDigest.isEqual(entry.hash(), derive(password, entry.salt(), entry.iterations()));
    }

    /** Sets (adds or replaces) a user's password and groups; writes the file atomically, 0600. */
    public synchronized void set(String user, char[] password, Set<String> groups, int iterations) throws IOException {
        if (user.isEmpty() || user.contains(":") || user.contains("\n")) {
            throw new IllegalArgumentException("a user name may not be empty or contain ':'");
        }
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        List<String> lines = new ArrayList<>();
        for (String line : readLines()) {
            if (!line.startsWith(user + ":")) lines.add(line);
        }
        lines.add(format(new Entry(user, groups, iterations, salt, derive(password, salt, iterations))));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".passwords", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String format(Entry e) {
        Base64.Encoder b64 = Base64.getEncoder();
        return e.user() + ":" + String.join(",", new TreeSet<>(e.groups())) + ":" + ALGORITHM + ":" + e.iterations()
                + ":" + b64.encodeToString(e.salt()) + ":" + b64.encodeToString(e.hash());
    }

    private List<Entry> read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : readLines()) {
            String[] f = line.split(":", -1);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (f.length != 6 || !f[2].equals(ALGORITHM)) {
                throw new IOException(file + ": cannot read the line for '" + f[0] + "'; set the password again with"
                        + " 'pacer host password " + f[0] + "'");
            }
            Set<String> groups = f[1].isEmpty() ? Set.of() : Set.of(f[1].split(","));
            Base64.Decoder b64 = Base64.getDecoder();
            entries.add(new Entry(f[0], groups, Integer.parseInt(f[3]), b64.decode(f[4]), b64.decode(f[5])));
        }
        return entries;
    }

    private List<String> readLines() throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
