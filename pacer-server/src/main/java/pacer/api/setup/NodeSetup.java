package pacer.api.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import pacer.membership.ClusterConfig;
import pacer.membership.ClusterConfigEdit;
import pacer.membership.ClusterConfigException;

/**
 * One node's part of {@code cluster setup}: {@link #check} (may this node join the new cluster?),
 * {@link #write} (write the cluster key, then the configuration, each atomically: temporary file,
 * fsync, rename) and {@link #undo} (remove exactly what {@code write} wrote, when another node of
 * the same setup failed).
 *
 * <p>The node decides where its files live: the configuration's {@code keyfile} setting is
 * replaced with this node's key path before anything is written. A node "belongs to a cluster"
 * when its configuration file exists or it runs a cluster; it then refuses, naming the cluster.
 * Calls are serialised on this object, so two setups racing for one node cannot both win.
 */
public final class NodeSetup {
    private static final int MIN_KEY_BYTES = 32;
    private static final int MAX_KEY_BYTES = 4096;

    private final Path configPath;
    private final Path keyPath;
    private final BooleanSupplier runsCluster;
    private final String nodeName;

    /**
     * @param runsCluster whether this pacerd runs a cluster now (then setup is refused even
     *     without a configuration file)
     */
    public NodeSetup(Path configPath, Path keyPath, BooleanSupplier runsCluster, String nodeName) {
        this.configPath = configPath;
        this.keyPath = keyPath;
        this.runsCluster = runsCluster;
        this.nodeName = nodeName;
    }

    /** Checks that this node can take {@code configText} and {@code key}; returns the text it would write. */
    public synchronized String check(String configText, byte[] key) throws SetupRefusedException {
        ClusterConfig config = parse(configText);
        if (Files.exists(configPath)) {
            throw new SetupRefusedException(SetupRefusedException.Reason.ALREADY_IN_CLUSTER, nodeName
                    + " already belongs to cluster '" + existingName() + "' (" + configPath + " exists); to reuse"
                    + " the node, stop pacerd there and remove " + configPath + " and " + keyPath
                    + " (or run 'pcs cluster destroy' there)");
        }
        if (runsCluster.getAsBoolean()) {
            throw new SetupRefusedException(SetupRefusedException.Reason.ALREADY_IN_CLUSTER, nodeName
                    + " is running a cluster already; stop it first");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new SetupRefusedException(SetupRefusedException.Reason.INVALID, "the cluster key has " + key.length
                    + " bytes; it needs " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES);
        }
        for (Path p : List.of(configPath, keyPath)) {
            Path dir = p.toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw notWritable(dir, e);
            }
            if (!Files.isWritable(dir)) throw notWritable(dir, null);
        }
        return withLocalKeyPath(config).format();
    }

    /** Checks again, then writes the key and the configuration; returns the files written. */
    public synchronized List<Path> write(String configText, byte[] key) throws SetupRefusedException {
        String text = check(configText, key);
        try {
            AtomicFile.write(keyPath, key, "r--------");
            AtomicFile.write(configPath, text.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        } catch (IOException e) {
            try {
                Files.deleteIfExists(keyPath);
            } catch (IOException ignored) {
                // the write failed already; report that one
            }
            throw notWritable(configPath.toAbsolutePath().getParent(), e);
        }
        return List.of(configPath, keyPath);
    }

    /** Removes the files a {@link #write} of these very contents made; refuses if they differ. */
    public synchronized List<Path> undo(String configText, byte[] key) throws SetupRefusedException {
        String text = withLocalKeyPath(parse(configText)).format();
        try {
            if (!Files.exists(configPath)) {
                return List.of();
            }
            boolean same = Files.readString(configPath, StandardCharsets.UTF_8).equals(text)
                    && Files.exists(keyPath) && Arrays.equals(Files.readAllBytes(keyPath), key);
            if (!same) {
                throw new SetupRefusedException(SetupRefusedException.Reason.NOT_OURS, configPath + " on " + nodeName
                        + " is not the configuration this setup wrote; it was left in place");
            }
            Files.delete(configPath);
            Files.deleteIfExists(keyPath);
            return List.of(configPath, keyPath);
        } catch (IOException e) {
            throw notWritable(configPath.toAbsolutePath().getParent(), e);
        }
    }

    private ClusterConfig parse(String text) throws SetupRefusedException {
        try {
            return ClusterConfig.parse(text, "the cluster configuration sent to " + nodeName);
        } catch (ClusterConfigException e) {
            throw new SetupRefusedException(SetupRefusedException.Reason.INVALID, e.getMessage());
        }
    }

    private ClusterConfig withLocalKeyPath(ClusterConfig c) {
        return ClusterConfigEdit.withKeyFile(c, keyPath);
    }

    private String existingName() {
        try {
            return ClusterConfig.load(configPath).clusterName();
        } catch (ClusterConfigException e) {
            return "(unreadable configuration)";
        }
    }

    private SetupRefusedException notWritable(Path dir, IOException e) {
        return new SetupRefusedException(SetupRefusedException.Reason.NOT_WRITABLE, "cannot write the cluster"
                + " configuration in " + dir + " on " + nodeName + (e == null ? "" : ": " + e.getMessage())
                + "; pacerd needs to write there (is it running as root? is the disk full or read-only?)");
    }
}
