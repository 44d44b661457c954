package pacer.cli.pcs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import pacer.cib.edit.AgentMetadata;
import pacer.cib.edit.AgentMetadataParser;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.AgentName;
import pacer.cib.xml.XmlSyntaxException;

/**
 * The agents installed on this host: OCF agents under {@code $OCF_ROOT/resource.d} (default
 * {@code /usr/lib/ocf}) asked for {@code meta-data}, and fence agents ({@code fence_*} in
 * {@code /usr/sbin}) asked with {@code -o metadata}. An agent that does not answer within 5 s or
 * answers with something that is not meta-data counts as not installed.
 */
public final class OcfAgents implements AgentMetadataSource {
    private final Path ocfRoot;
    private final Path fenceDir;

    public OcfAgents(Path ocfRoot, Path fenceDir) {
        this.ocfRoot = ocfRoot;
        this.fenceDir = fenceDir;
    }

    /** {@code $OCF_ROOT} or {@code /usr/lib/ocf}, and {@code /usr/sbin} for fence agents. */
    public static OcfAgents fromEnvironment() {
        String root = System.getenv().getOrDefault("OCF_ROOT", "/usr/lib/ocf");
        return new OcfAgents(Path.of(root), Path.of("/usr/sbin"));
    }

    @Override public Optional<AgentMetadata> metadata(AgentName agent) {
        try {
            return AgentMetadataCommand.read(ocfRoot, fenceDir, agent).map(xml -> AgentMetadataParser.parse(agent, xml));
        } catch (XmlSyntaxException e) {
            return Optional.empty();
        }
    }

    @Override public List<AgentName> agents() {
        List<AgentName> out = new ArrayList<>();
        Path dir = ocfRoot.resolve("resource.d");
        try (Stream<Path> providers = Files.list(dir)) {
            for (Path p : providers.sorted().toList()) {
                try (Stream<Path> types = Files.list(p)) {
                    types.filter(Files::isExecutable).filter(Files::isRegularFile).sorted().forEach(t ->
                            out.add(AgentName.of("ocf", p.getFileName().toString(), t.getFileName().toString())));
                }
            }
        } catch (IOException e) {
            // no OCF agents installed here: nothing to list
        }
        try (Stream<Path> fence = Files.list(fenceDir)) {
            fence.filter(f -> f.getFileName().toString().startsWith("fence_")).sorted()
                    .forEach(f -> out.add(AgentName.of("stonith", null, f.getFileName().toString())));
        } catch (IOException e) {
            // no fence agents installed here
        }
        return out;
    }
}
