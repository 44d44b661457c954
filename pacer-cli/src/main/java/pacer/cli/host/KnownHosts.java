package pacer.cli.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The nodes this machine has authenticated to ({@code /var/lib/pacer/known-hosts}, or
 * {@code $PACER_KNOWN_HOSTS}; mode 0600): per node its API address, the token it issued and the
 * SHA-256 fingerprint of its certificate, pinned the first time (trust on first use, as ssh does).
 * JSON in pcs's layout plus the fingerprint:
 *
 * <pre>
 * {"format_version": 1, "known_hosts": {"n1": {"dest_list": [{"addr": "192.168.33.11", "port": 2224}],
 *   "token": "...", "cert_sha256": "AB:CD:..."}}}
 * </pre>
 */
final class KnownHosts {
    /** One node: where its API is, its token, its certificate's fingerprint. */
    record Entry(String addr, int port, String token, String fingerprint) {}

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, Entry> hosts = new TreeMap<>();

    private KnownHosts(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    /** The default file: {@code $PACER_KNOWN_HOSTS}, else /var/lib/pacer/known-hosts for root, else ~/.pacer/known-hosts. */
    static Path defaultPath() {
        String env = System.getenv("PACER_KNOWN_HOSTS");
        if (env != null && !env.isBlank()) return Path.of(env);
        return "root".equals(System.getProperty("user.name")) ? Path.of("/var/lib/pacer/known-hosts")
                : Path.of(System.getProperty("user.home"), ".pacer", "known-hosts");
    }

    /** Reads the file; a missing file is an empty list. */
    static KnownHosts load(Path file, ObjectMapper json) throws IOException {
        KnownHosts known = new KnownHosts(file, json);
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return known;
        } catch (IOException e) {
            throw new IOException(file + " is not a known-hosts file (" + e.getMessage().lines().findFirst().orElse("")
                    + "); move it away and run 'pacer host auth' again", e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("known_hosts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            JsonNode dest = h.getValue().path("dest_list").path(0);
            known.hosts.put(h.getKey(), new Entry(dest.path("addr").asText(h.getKey()), dest.path("port").asInt(2224),
                    h.getValue().path("token").asText(""), h.getValue().path("cert_sha256").asText("")));
        }
        return known;
    }

    Path path() {
        return file;
    }

    Optional<Entry> get(String host) {
        return Optional.ofNullable(hosts.get(host));
    }

    void put(String host, Entry entry) {
        hosts.put(host, entry);
    }

    boolean remove(String host) {
        return hosts.remove(host) != null;
    }

    /** Writes the file atomically, readable by its owner only. */
    void save() throws IOException {
        ObjectNode root = json.createObjectNode().put("format_version", 1);
        ObjectNode all = root.putObject("known_hosts");
        hosts.forEach((name, e) -> {
            ObjectNode h = all.putObject(name);
            h.putArray("dest_list").addObject().put("addr", e.addr()).put("port", e.port());
            h.put("token", e.token()).put("cert_sha256", e.fingerprint());
        });
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".known-hosts", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
