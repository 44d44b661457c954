package pacer.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An OCF root for the test cluster: the host's {@code heartbeat} agents and shell functions (by
 * symbolic links) plus our own failure agent {@code ocf:pacertest:Flaky}, a Dummy whose results
 * are steered per node by files beside its (per-node) state file {@code STATE}:
 *
 * <ul>
 *   <li>{@code STATE.start-rc}, {@code STATE.stop-rc}: the exit code of every start / stop;
 *   <li>{@code STATE.start-hang}: start hangs, with a child process whose pid it writes to
 *       {@code STATE.child} (so that a timeout must kill the agent's whole process group).
 * </ul>
 * Stateless; {@link #ocfRoot} writes files once per cluster.
 */
final class TestAgents {
    static final String FLAKY = """
            #!/bin/sh
            # ocf:pacertest:Flaky - a test agent; see pacer.controller.TestAgents
            S="${OCF_RESKEY_state:-/tmp/flaky-$OCF_RESOURCE_INSTANCE.state}"
            case "$1" in
            meta-data)
              cat <<'XML'
            <?xml version="1.0"?>
            <resource-agent name="Flaky" version="1.0">
            <version>1.0</version>
            <longdesc lang="en">A Dummy whose failures the tests steer.</longdesc>
            <shortdesc lang="en">Test agent</shortdesc>
            <parameters>
            <parameter name="state" unique="1"><longdesc lang="en">State file</longdesc>
            <shortdesc lang="en">State file</shortdesc><content type="string"/></parameter>
            </parameters>
            <actions>
            <action name="start" timeout="20s"/>
            <action name="stop" timeout="20s"/>
            <action name="monitor" timeout="20s" interval="10s" depth="0"/>
            <action name="meta-data" timeout="5s"/>
            <action name="validate-all" timeout="20s"/>
            </actions>
            </resource-agent>
            XML
              exit 0;;
            start)
              if [ -f "$S.start-hang" ]; then
                sleep 600 &
                echo $! > "$S.child"
                wait
              fi
              if [ -f "$S.start-rc" ]; then exit "$(cat "$S.start-rc")"; fi
              touch "$S"; exit 0;;
            stop)
              if [ -f "$S.stop-rc" ]; then exit "$(cat "$S.stop-rc")"; fi
              rm -f "$S"; exit 0;;
            monitor)
              if [ -f "$S" ]; then exit 0; else exit 7; fi;;
            validate-all) exit 0;;
            *) exit 3;;
            esac
            """;

    private TestAgents() {}

    /** Builds {@code dir/ocf}: {@code lib} and {@code resource.d/heartbeat} linked to the host's, and Flaky. */
    static Path ocfRoot(Path dir, Path hostRoot) throws IOException {
        Path root = Files.createDirectories(dir.resolve("ocf"));
        Files.createSymbolicLink(root.resolve("lib"), hostRoot.resolve("lib"));
        Path agents = Files.createDirectories(root.resolve("resource.d"));
        Files.createSymbolicLink(agents.resolve("heartbeat"), hostRoot.resolve("resource.d").resolve("heartbeat"));
        Path flaky = Files.createDirectories(agents.resolve("pacertest")).resolve("Flaky");
        Files.writeString(flaky, FLAKY);
        Files.setPosixFilePermissions(flaky, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    /** Free ports on 127.0.0.1 with room for FD_SOCK2 (port + 100 .. + 103), not overlapping each other. */
    static java.util.List<Integer> freePorts(int n) throws IOException {
        java.util.List<Integer> ports = new java.util.ArrayList<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        while (ports.size() < n) {
            int p;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            if (p + 103 > 65535 || !free(p, taken)) continue;
            ports.add(p);
            taken.add(p);
            for (int q = p + 100; q <= p + 103; q++) taken.add(q);
        }
        return ports;
    }

    private static boolean free(int p, java.util.Set<Integer> taken) {
        for (int q : java.util.List.of(p, p + 100, p + 101, p + 102, p + 103)) {
            if (taken.contains(q)) return false;
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), q));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
