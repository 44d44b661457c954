package pacer.agents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes small agents of our own into a temporary host layout (OCF root, init.d, sbin). */
final class TestAgents {
    final Path root;
    final AgentHost host;

    TestAgents(Path root) {
        this.root = root;
        this.host = new AgentHost(root.resolve("ocf"), root.resolve("init.d"), root.resolve("sbin"),
                root.resolve("bin/systemctl"), false);
    }

    Path ocf(String provider, String type, String body) {
        return write(host.ocfAgentDir().resolve(provider).resolve(type), body);
    }

    Path lsb(String name, String body) { return write(host.initDir().resolve(name), body); }

    Path fence(String name, String body) { return write(host.fenceAgentDir().resolve(name), body); }

    /** A runner on virtual time with a short kill grace, spooling into the temp dir. */
    AgentRunner runner(FakeTimers timers) {
        return new AgentRunner(timers, timers, RunnerSettings.detect().withSpoolDir(root.resolve("spool")));
    }

    static Path write(Path file, String body) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "#!/bin/sh\n" + body);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
