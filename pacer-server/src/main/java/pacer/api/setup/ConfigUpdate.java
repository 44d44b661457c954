package pacer.api.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigEdit;
import pacer.membership.ClusterConfigException;

/**
 * One member's part of {@code cluster node add|remove}: read this node's cluster configuration and
 * key ({@link #current}, {@link #key}), check a new configuration ({@link #check}) and replace the
 * file with it atomically ({@link #replace}). A new configuration must be for the same cluster:
 * same name, and sent by someone who knows this node's key (its fingerprint); it must list this
 * node, unchanged (a node leaves through {@code node remove}, which destroys its cluster instead).
 *
 * <p>Calls are serialised on this object. {@link NodeSetup} writes the same file only when there
 * is none, and this class only when there is one, so the two never both succeed on one node.
 */
public final class ConfigUpdate {
    /** This node's configuration as it is on disk, with the fingerprint of its key. */
    public record Current(ClusterConfig config, String text, String keyFingerprint) {}

    private final Path configPath;
    private final Path keyPath;
    private final String nodeName;

    public ConfigUpdate(Path configPath, Path keyPath, String nodeName) {
        this.configPath = configPath;
        this.keyPath = keyPath;
        this.nodeName = nodeName;
    }

    /** The configuration on disk; refused when this node is in no cluster or its files do not read. */
    public synchronized Current current() throws SetupRefusedException {
        String text;
        try {
            text = Files.readString(configPath, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SetupRefusedException(SetupRefusedException.Reason.NOT_IN_CLUSTER, nodeName + " is not in a"
                    + " cluster (" + configPath + " does not exist); add it with 'pcs cluster node add " + nodeName
                    + "' from a node of the cluster, or create one with 'pcs cluster setup'");
        } catch (IOException e) {
            throw unreadable(configPath, e);
        }
        ClusterConfig config;
        try {
            config = ClusterConfig.parse(text, configPath + " on " + nodeName);
        } catch (ClusterConfigException e) {
            throw new SetupRefusedException(SetupRefusedException.Reason.INVALID, "the cluster configuration on "
                    + nodeName + " does not read: " + e.getMessage() + "; fix it by hand first");
        }
        return new Current(config, text, fingerprint(key()));
    }

    /** This node's cluster key, for a node that joins ({@code node add}). */
    public synchronized byte[] key() throws SetupRefusedException {
        try {
            return Files.readAllBytes(keyPath);
        } catch (IOException e) {
            throw unreadable(keyPath, e);
        }
    }

    /**
     * Checks that {@code text} may replace this node's configuration; returns the text to write
     * (with this node's own key path).
     */
    public synchronized String check(String text, String keyFingerprint) throws SetupRefusedException {
        Current current = current();
        ClusterConfig next;
        try {
            next = ClusterConfig.parse(text, "the cluster configuration sent to " + nodeName);
        } catch (ClusterConfigException e) {
            throw new SetupRefusedException(SetupRefusedException.Reason.INVALID, e.getMessage());
        }
        String name = current.config().clusterName();
        if (!next.clusterName().equals(name)) {
            throw new SetupRefusedException(SetupRefusedException.Reason.OTHER_CLUSTER, "the configuration is for"
                    + " cluster '" + next.clusterName() + "' but " + nodeName + " is in cluster '" + name
                    + "'; send it to the nodes of '" + next.clusterName() + "'");
        }
        if (!current.keyFingerprint().equals(keyFingerprint)) {
            throw new SetupRefusedException(SetupRefusedException.Reason.KEY_MISMATCH, "the configuration comes with"
                    + " the key fingerprint '" + keyFingerprint + "' but the cluster key of " + nodeName + " ("
                    + keyPath + ") has '" + current.keyFingerprint() + "': it belongs to another cluster of the same"
                    + " name; read the configuration from a node of this cluster (GET /cluster/config) and send it again");
        }
        ClusterConfig.Node me = current.config().node(nodeName).orElse(null);
        ClusterConfig.Node mine = next.node(nodeName).orElse(null);
        if (mine == null) {
            throw new SetupRefusedException(SetupRefusedException.Reason.INVALID, "the new configuration does not"
                    + " list " + nodeName + "; to take " + nodeName + " out of the cluster use 'pcs cluster node remove "
                    + nodeName + "', which also destroys the cluster there");
        }
        if (me != null && !me.equals(mine)) {
            throw new SetupRefusedException(SetupRefusedException.Reason.INVALID, "the new configuration changes "
                    + nodeName + "'s own line (" + me + " to " + mine + "); a node's address, port and nodeid stay"
                    + " while it is in the cluster: remove it and add it again");
        }
        return ClusterConfigEdit.withKeyFile(next, keyPath).format();
    }

    /**
     * Checks, then replaces the configuration file atomically; returns the text that was there
     * before, so that a caller can put it back.
     */
    public synchronized String replace(String text, String keyFingerprint) throws SetupRefusedException {
        String next = check(text, keyFingerprint);
        String before = current().text();
        try {
            AtomicFile.write(configPath, next.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        } catch (IOException e) {
            throw new SetupRefusedException(SetupRefusedException.Reason.NOT_WRITABLE, "cannot replace " + configPath
                    + " on " + nodeName + ": " + e.getMessage() + "; the old file is unchanged (is the disk full or"
                    + " read-only?)");
        }
        return before;
    }

    /** The fingerprint of a raw key: the first 16 hex digits of its SHA-256; safe to show. */
    public static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private SetupRefusedException unreadable(Path file, IOException e) {
        return new SetupRefusedException(SetupRefusedException.Reason.NOT_WRITABLE, "cannot read " + file + " on "
                + nodeName + ": " + e.getMessage() + " (pacerd must be able to read it)");
    }
}
