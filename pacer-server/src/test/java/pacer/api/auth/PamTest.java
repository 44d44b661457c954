package pacer.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JNA binding against the machine's real libpam: a conversation runs and a bad login is refused. */
class PamTest {
    @Test
    @DisplayName("Real PAM refuses an unknown user without crashing the JVM")
    void refusesUnknownUser() {
        Pam pam;
        try {
            pam = Pam.load("login");
        } catch (UnsatisfiedLinkError e) {
            assumeTrue(false, "libpam is not installed: " + e.getMessage());
            return;
        }
        assertThat(pam.check("pacer-no-such-user", "wrong".toCharArray(), "127.0.0.1")).isFalse();
    }
}
