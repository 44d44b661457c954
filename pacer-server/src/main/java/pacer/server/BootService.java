package pacer.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What starts pacerd at boot: systemd's {@code pacerd.service} where systemd runs the machine
 * ({@link #systemd()}), or nothing Pacer knows of ({@link #none()}: containers, the lab, other
 * init systems), in which case the administrator's own start-up must run pacerd.
 */
interface BootService {
    /** Whether this machine has a service manager Pacer can ask. */
    boolean present();

    /** Makes pacerd start at boot; returns what the service manager said. Throws with its words when it refused. */
    String enable() throws IOException;

    /** systemd, detected as systemd itself does ({@code /run/systemd/system} exists); runs {@code systemctl enable pacerd.service}. */
    static BootService systemd() {
        return new BootService() {
            @Override public boolean present() { return Files.isDirectory(Path.of("/run/systemd/system")); }

            @Override public String enable() throws IOException {
                Process p = new ProcessBuilder("systemctl", "enable", "pacerd.service").redirectErrorStream(true).start();
                try {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        throw new IOException("systemctl enable pacerd.service did not finish within 30 s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while running systemctl enable pacerd.service");
                }
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.exitValue() != 0) {
                    throw new IOException("systemctl enable pacerd.service failed (exit " + p.exitValue() + "): " + said
                            + "; is pacerd.service installed (systemctl cat pacerd)?");
                }
                return said;
            }
        };
    }

    /** No service manager: nothing can be enabled. */
    static BootService none() {
        return new BootService() {
            @Override public boolean present() { return false; }

            @Override public String enable() { throw new UnsupportedOperationException("no service manager"); }
        };
    }
}
