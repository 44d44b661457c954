package pacer.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.api.ApiException;
import pacer.qdevice.QdeviceClient;
import pacer.qdevice.Qnetd;

/**
 * The quorum witness this pacerd runs for other clusters (Corosync-qnetd's job, on a host such as
 * the seed's n3): enabled by {@code pcs qdevice setup model net}, which makes the keys folder
 * ({@code /etc/pacer/qnetd}); listening once it serves a cluster, i.e. once {@code pcs quorum
 * device add} on a node of that cluster sent its witness key here. A pacerd without the folder
 * never listens.
 *
 * <p>Guarded by {@code this}: the API's threads and pacerd's start and shutdown call in.
 */
final class WitnessHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WitnessHost.class);
    private final Path keysDir;
    private final int port;
    private Qnetd qnetd;

    WitnessHost(Path keysDir, int port) {
        this.keysDir = keysDir;
        this.port = port;
    }

    /** At pacerd's start: listens if it already serves a cluster. */
    synchronized void startIfServing() {
        if (servedClusters().isEmpty()) return;
        try {
            ensureListening();
        } catch (ApiException e) {
            log.error("The quorum witness cannot start: {}", e.getMessage());
        }
    }

    synchronized String serve(String cluster, byte[] witnessKey) throws ApiException {
        if (!Files.isDirectory(keysDir)) {
            throw new ApiException(409, "QDEVICE_NOT_SET_UP", "this host is not set up as a quorum witness (" + keysDir
                    + " is missing): run 'pcs qdevice setup model net --enable --start' on it first");
        }
        if (witnessKey.length < 16) throw ApiException.badRequest("the witness key is too short");
        Path file;
        try {
            file = Qnetd.keyFile(keysDir, cluster);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        try {
            Path tmp = Files.createTempFile(keysDir, "." + cluster, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, witnessKey);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ApiException(500, "NOT_WRITABLE", "cannot write " + file + ": " + e.getMessage());
        }
        ensureListening();
        log.info("Quorum witness: serving cluster {}", cluster);
        return "quorum witness serving cluster " + cluster + " on port " + port;
    }

    synchronized String forget(String cluster) throws ApiException {
        try {
            boolean removed = Files.deleteIfExists(Qnetd.keyFile(keysDir, cluster));
            return removed ? "quorum witness no longer serves cluster " + cluster
                    : "quorum witness did not serve cluster " + cluster;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IOException e) {
            throw new ApiException(500, "NOT_WRITABLE", "cannot remove the key of " + cluster + ": " + e.getMessage());
        }
    }

    synchronized List<String> status() {
        if (qnetd != null) return qnetd.status();
        return List.of(Files.isDirectory(keysDir)
                ? "QNetd: set up (" + keysDir + "), not listening yet: no cluster added (run 'pcs quorum device add"
                        + " model net host=THIS-HOST' on a cluster node)"
                : "QNetd: not set up on this host (run 'pcs qdevice setup model net --enable --start')");
    }

    private void ensureListening() throws ApiException {
        if (qnetd != null) return;
        Qnetd q = new Qnetd(keysDir, new InetSocketAddress(port), QdeviceClient::systemMonotonicMillis);
        try {
            q.start();
        } catch (IOException e) {
            throw new ApiException(500, "QNETD_PORT", "the quorum witness cannot listen on port " + port + ": "
                    + e.getMessage() + " (another program holds it? see 'ss -ltnp | grep " + port + "')");
        }
        qnetd = q;
    }

    private List<Path> servedClusters() {
        if (!Files.isDirectory(keysDir)) return List.of();
        try (Stream<Path> files = Files.list(keysDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".key")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public synchronized void close() {
        if (qnetd != null) qnetd.close();
        qnetd = null;
    }
}
