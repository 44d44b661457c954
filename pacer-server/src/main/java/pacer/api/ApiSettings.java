package pacer.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import pacer.api.auth.Authenticators;

/**
 * How the HTTPS API is set up. {@link #defaults} gives pcsd's choices; pacerd's options and
 * tests change single settings with the {@code with...} methods.
 *
 * @param nodeName this node's name, used in every message
 * @param bindAddress the address to listen on; empty for all addresses
 * @param port the TCP port (2224 as pcsd; 0 picks a free one)
 * @param stateDir where the certificate, tokens, password file and audit log live
 * @param configPath the cluster configuration {@code cluster setup} writes
 * @param keyPath the cluster key {@code cluster setup} writes
 * @param authMode PAM, the password file, or the first available
 * @param tokenLifetime how long an issued token is accepted
 * @param freeFailures failed logins per user and source before the throttle closes
 * @param baseDelay how long it closes after {@code freeFailures} failures (doubling after that)
 * @param maxDelay the longest it stays closed
 * @param keystore a configured PKCS#12 keystore and its password file, instead of the self-signed one
 */
public record ApiSettings(String nodeName, String bindAddress, int port, Path stateDir, Path configPath, Path keyPath,
                          Authenticators.Mode authMode, Duration tokenLifetime, int freeFailures, Duration baseDelay,
                          Duration maxDelay, Optional<Keystore> keystore) {
    /** pcsd's port. */
    public static final int DEFAULT_PORT = 2224;

    /** A configured keystore and the file holding its password. */
    public record Keystore(Path file, Path passwordFile) {}

    public ApiSettings {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(configPath, "configPath");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(authMode, "authMode");
        Objects.requireNonNull(keystore, "keystore");
    }

    /** Port 2224 on all addresses, tokens for 90 days, 5 free failures then 1 s doubling to 15 min. */
    public static ApiSettings defaults(String nodeName, Path stateDir, Path configPath, Path keyPath) {
        return new ApiSettings(nodeName, "", DEFAULT_PORT, stateDir, configPath, keyPath, Authenticators.Mode.AUTO,
                Duration.ofDays(90), 5, Duration.ofSeconds(1), Duration.ofMinutes(15), Optional.empty());
    }

    public ApiSettings withListen(String bind, int newPort) {
        return new ApiSettings(nodeName, bind, newPort, stateDir, configPath, keyPath, authMode, tokenLifetime,
                freeFailures, baseDelay, maxDelay, keystore);
    }

    public ApiSettings withAuthMode(Authenticators.Mode mode) {
        return new ApiSettings(nodeName, bindAddress, port, stateDir, configPath, keyPath, mode, tokenLifetime,
                freeFailures, baseDelay, maxDelay, keystore);
    }

    public ApiSettings withThrottle(int free, Duration base, Duration max) {
        return new ApiSettings(nodeName, bindAddress, port, stateDir, configPath, keyPath, authMode, tokenLifetime,
                free, base, max, keystore);
    }

    public ApiSettings withKeystore(Keystore store) {
        return new ApiSettings(nodeName, bindAddress, port, stateDir, configPath, keyPath, authMode, tokenLifetime,
                freeFailures, baseDelay, maxDelay, Optional.of(store));
    }

    /** The password file of the {@code file} authentication mode. */
    public Path passwordFile() {
        return stateDir.resolve("passwords");
    }
}
