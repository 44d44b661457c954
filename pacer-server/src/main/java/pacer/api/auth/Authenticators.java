package pacer.api.auth;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks how pacerd checks passwords. {@code auto} (the default) takes PAM when libpam loads and
 * pacerd runs as root (only root may check other users' passwords through pam_unix), else the
 * password file; the log says which, and why.
 */
public final class Authenticators {
    private static final Logger log = LoggerFactory.getLogger(Authenticators.class);
    private static final Path PAM_D = Path.of("/etc/pam.d");

    /** The {@code --auth} choices. */
    public enum Mode { AUTO, PAM, FILE;

        /** Parses "auto", "pam" or "file". */
        public static Mode of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    private Authenticators() {}

    /**
     * @param passwords the password file, for {@code file} mode and as the fallback
     * @throws IllegalStateException when {@code pam} is asked for and PAM cannot be used
     */
    public static Authenticator choose(Mode mode, PasswordFile passwords) {
        Authenticator chosen;
        if (mode == Mode.FILE) {
            chosen = new FileAuthenticator(passwords);
            log.info("API authentication: {} (chosen with --auth file)", chosen.describe());
            return chosen;
        }
        String service = Files.exists(PAM_D.resolve("pacer")) ? "pacer" : "login";
        String whyNot;
        try {
            Pam pam = Pam.load(service);
            whyNot = euid() == 0 ? "" : "pacerd does not run as root, so PAM cannot check other users' passwords";
            if (whyNot.isEmpty() || mode == Mode.PAM) {
                chosen = new PamAuthenticator(pam::check, GroupLookup.system(), service);
                log.info("API authentication: {}; users must be in group {}", chosen.describe(), Authenticator.REQUIRED_GROUP);
                if (!whyNot.isEmpty()) log.warn("API authentication through PAM was forced, but {}", whyNot);
                return chosen;
            }
        } catch (UnsatisfiedLinkError e) {
            whyNot = "libpam is not available (" + e.getMessage().lines().findFirst().orElse("") + ")";
            if (mode == Mode.PAM) throw new IllegalStateException("--auth pam: " + whyNot, e);
        }
        chosen = new FileAuthenticator(passwords);
        log.info("API authentication: {} because {}; set a password with 'pacer host password USER'", chosen.describe(), whyNot);
        return chosen;
    }

    private static int euid() {
        try {
            return Native.load("c", LibC.class).geteuid();
        } catch (UnsatisfiedLinkError e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }

    /** The one libc function needed here. */
    interface LibC extends Library {
        int geteuid();
    }
}
