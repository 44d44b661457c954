package pacer.cli.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of every command that talks to nodes' APIs: where the known hosts are, how long to wait. */
final class HostOptions {
    /** pcsd's port, the default for a node given without {@code addr=...:PORT}. */
    static final int DEFAULT_PORT = 2224;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "The tokens and pinned certificates of authorized nodes (default: $PACER_KNOWN_HOSTS, else"
                    + " /var/lib/pacer/known-hosts for root, else ~/.pacer/known-hosts).")
    Path knownHosts;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for each node's answer (default: ${DEFAULT-VALUE}).")
    long requestTimeout;

    private ObjectMapper json;

    /** The JSON mapper, made on first use so that other pacer commands do not pay for loading Jackson. */
    ObjectMapper json() {
        if (json == null) json = new ObjectMapper();
        return json;
    }

    KnownHosts load() throws IOException {
        return KnownHosts.load(knownHosts != null ? knownHosts : KnownHosts.defaultPath(), json());
    }

    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, requestTimeout));
    }

    /** A client for an authorized node, pinned to the certificate it showed then. */
    ApiClient client(String host, KnownHosts.Entry entry) {
        return new ApiClient(host, entry.addr(), entry.port(), entry.fingerprint(), timeout(), json());
    }
}
