package pacer.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens this node accepts (pcsd's {@code pcs_users.conf}). A token is 32 random bytes; only
 * its SHA-256 is kept, in memory and in {@code state-dir/tokens} (mode 0600, one
 * {@code sha256hex user issued-epoch-s expires-epoch-s} per line), so a copy of the file cannot
 * be replayed. Tokens expire after the configured lifetime; expired ones are dropped on the next
 * write. Survives restarts of pacerd.
 *
 * <p>Thread-safe: guarded by {@code this}.
 */
public final class TokenStore {
    private record Grant(String user, Instant issued, Instant expires) {}

    private final Path file;
    private final Duration lifetime;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> byHash = new HashMap<>();

    /** Loads the tokens kept in {@code file}, if it exists. */
    public TokenStore(Path file, Duration lifetime, InstantSource clock) throws IOException {
        this.file = file;
        this.lifetime = lifetime;
        this.clock = clock;
        load();
    }

    /** Issues a new token for {@code user}; returns it (the only time it exists in clear). */
    public synchronized String issue(String user) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        byHash.put(hash(token), new Grant(user, now, now.plus(lifetime)));
        save();
        return token;
    }

    /** When a token issued now would expire. */
    public Instant expiryOfNew() {
        return clock.instant().plus(lifetime);
    }

    /** The user a valid token was issued to; empty for unknown or expired tokens. */
    public synchronized Optional<String> userFor(String token) {
        Grant grant = byHash.get(hash(token));
        if (grant == null || !clock.instant().isBefore(grant.expires())) {
            return Optional.empty();
        }
        return Optional.of(grant.user());
    }

    private void load() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        }
        for (String line : lines) {
            String[] f = line.strip().split(" ");
            if (f.length == 4) {
                byHash.put(f[0], new Grant(f[1], Instant.ofEpochSecond(Long.parseLong(f[2])),
                        Instant.ofEpochSecond(Long.parseLong(f[3]))));
            }
        }
    }

    private void save() {
        Instant now = clock.instant();
        byHash.values().removeIf(g -> !now.isBefore(g.expires()));
        List<String> lines = new ArrayList<>();
        byHash.forEach((h, g) -> lines.add(h + " " + g.user() + " " + g.issued().getEpochSecond() + " "
                + g.expires().getEpochSecond()));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tokens", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
