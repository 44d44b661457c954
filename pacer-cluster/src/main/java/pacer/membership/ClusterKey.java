package pacer.membership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster key (Corosync's authkey): a file of random bytes, the same on every node, from
 * which the AES-256 key that encrypts and authenticates all cluster traffic is derived. The
 * derivation binds the key to the cluster name, so two clusters sharing a key file by mistake
 * still cannot talk to each other.
 *
 * <p>Immutable. {@link #toString} shows a fingerprint, never the key.
 */
public final class ClusterKey {
    private static final Logger log = LoggerFactory.getLogger(ClusterKey.class);
    /** Corosync's corosync-keygen default, and what pcs generates. */
    public static final int GENERATED_BYTES = 256;
    private static final int MIN_BYTES = 32;
    private static final int MAX_BYTES = 4096;
    private static final String LABEL = "pacer cluster key v1\0";

    private final SecretKey aesKey;
    private final String fingerprint;

    private ClusterKey(byte[] derived) {
        this.aesKey = new SecretKeySpec(derived, "AES");
        this.fingerprint = HexFormat.of().formatHex(sha256(derived), 0, 4);
    }

    /**
     * Reads a key file and derives the key for {@code clusterName}. The message of the exception
     * says what is wrong and how to fix it.
     */
    public static ClusterKey load(Path file, String clusterName) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("cluster key file " + file + " not found: copy it from another node of the"
                    + " cluster (all nodes need the same key), or for a new cluster generate one with"
                    + " 'dd if=/dev/urandom of=" + file + " bs=256 count=1 && chmod 400 " + file + "'", e);
        } catch (IOException e) {
            throw new IOException("cannot read cluster key file " + file + ": " + e.getMessage()
                    + " (pacerd must be able to read it; keep it mode 0400, owned by root)", e);
        }
        if (raw.length < MIN_BYTES || raw.length > MAX_BYTES) {
            throw new IOException("cluster key file " + file + " has " + raw.length + " bytes; a key has "
                    + MIN_BYTES + " to " + MAX_BYTES + " random bytes (generate one with"
                    + " 'dd if=/dev/urandom of=" + file + " bs=256 count=1')");
        }
        warnIfReadableByOthers(file);
        return fromBytes(raw, clusterName);
    }

    /** Derives the key from raw key material, as {@link #load} does after reading the file. */
    static ClusterKey fromBytes(byte[] raw, String clusterName) {
        byte[] label = (LABEL + clusterName + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] input = Arrays.copyOf(label, label.length + raw.length);
        System.arraycopy(raw, 0, input, label.length, raw.length);
        return new ClusterKey(sha256(input));
    }

    /** Writes a new random key file readable by its owner only; fails if the file exists. */
    public static void generate(Path file) throws IOException {
        byte[] raw = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(raw);
        Set<PosixFilePermission> ownerRead = PosixFilePermissions.fromString("r--------");
        if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_READ)));
            Files.write(file, raw);
            Files.setPosixFilePermissions(file, ownerRead);
        } else {
            Files.write(file, raw, StandardOpenOption.CREATE_NEW);
        }
    }

    /** The AES-256 key for the encryption layer. */
    SecretKey aesKey() {
        return aesKey;
    }

    /**
     * The key a quorum witness shares with this cluster's nodes: derived one way from the cluster
     * key, so the witness host can check the nodes' messages but can never join or read the cluster.
     */
    public byte[] witnessKey() {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(aesKey.getEncoded(), "HmacSHA256"));
            return mac.doFinal("pacer qdevice key v1".getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Eight hex digits that differ between keys; safe to log. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "ClusterKey[" + fingerprint + "]";
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("Cluster key file {} is readable by group or others ({}); run 'chmod 400 {}'",
                        file, PosixFilePermissions.toString(perms), file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("Cannot check the permissions of {}: {}", file, e.toString());
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
