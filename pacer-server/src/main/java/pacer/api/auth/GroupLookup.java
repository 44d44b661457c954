package pacer.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Which groups a system user is in. Injected, so tests need no real accounts. */
@FunctionalInterface
public interface GroupLookup {
    /** The user's groups (primary and supplementary); empty for an unknown user. */
    Set<String> groupsOf(String user);

    /**
     * The system's answer through {@code id -Gn USER}, which goes through NSS (files, LDAP, SSSD)
     * as the rest of the system does.
     */
    static GroupLookup system() {
        return user -> {
            try {
                Process p = new ProcessBuilder("id", "-Gn", "--", user).redirectErrorStream(false).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) return Set.of();
                String text = new String(out, StandardCharsets.UTF_8).strip();
                return text.isEmpty() ? Set.of() : Set.of(text.split("\\s+"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot run 'id -Gn " + user + "': " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Set.of();
            }
        };
    }
}
