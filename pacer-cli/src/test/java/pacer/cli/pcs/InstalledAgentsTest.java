package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.edit.AgentName;

/** {@link InstalledAgents} on a fake host root: where it looks, and running an agent for meta-data. */
class InstalledAgentsTest {
    @TempDir
    Path root;

    private void program(String path, String body) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void findsAgentsWherePacemakerLooks() throws IOException {
        program("usr/lib/ocf/resource.d/heartbeat/IPaddr2", "exit 0");
        program("usr/lib/ocf/resource.d/pacemaker/Dummy", "exit 0");
        Files.writeString(root.resolve("usr/lib/ocf/resource.d/heartbeat/README"), "not an agent");
        program("etc/init.d/network", "exit 0");
        Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        Files.writeString(root.resolve("usr/lib/systemd/system/httpd.service"), "[Unit]\n");
        Files.writeString(root.resolve("usr/lib/systemd/system/getty@.service"), "[Unit]\n");
        program("usr/sbin/fence_xvm", "exit 0");
        program("usr/sbin/sshd", "exit 0");

        InstalledAgents agents = InstalledAgents.under(root);
        assertThat(agents.standards()).containsExactly("lsb", "ocf", "service", "systemd");
        assertThat(agents.providers()).containsExactly("heartbeat", "pacemaker");
        assertThat(agents.agents()).extracting(AgentName::full).containsExactly("ocf:heartbeat:IPaddr2",
                "ocf:pacemaker:Dummy", "lsb:network", "systemd:httpd", "stonith:fence_xvm");
    }

    @Test
    void runsTheAgentForItsMetadata() throws IOException {
        program("usr/lib/ocf/resource.d/test/Web", "[ \"$1\" = meta-data ] && echo '<resource-agent name=\"Web\"/>'");
        program("usr/sbin/fence_q", "[ \"$2\" = metadata ] && echo '<resource-agent name=\"fence_q\"/>'");
        InstalledAgents agents = InstalledAgents.under(root);
        assertThat(agents.metadataXml(AgentName.of("ocf", "test", "Web"))).hasValueSatisfying(x -> assertThat(x)
                .contains("name=\"Web\""));
        assertThat(agents.metadataXml(AgentName.of("stonith", null, "fence_q"))).hasValueSatisfying(x -> assertThat(x)
                .contains("fence_q"));
        assertThat(agents.metadataXml(AgentName.of("ocf", "test", "Nope"))).isEmpty();
        assertThat(agents.metadataXml(AgentName.of("ocf", "..", "Web"))).isEmpty();
    }

    @Test
    void anEmptyHostHasNothing() {
        InstalledAgents agents = InstalledAgents.under(root);
        assertThat(agents.standards()).isEmpty();
        assertThat(agents.agents()).isEmpty();
    }
}
