package pacer.cli.pcs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import pacer.cib.edit.AgentName;

/**
 * The agents installed on this host, found where Pacemaker looks: OCF agents under
 * {@code ROOT/usr/lib/ocf/resource.d/PROVIDER/}, LSB scripts in {@code ROOT/etc/init.d}, systemd
 * units ({@code *.service}) in {@code ROOT/usr/lib/systemd/system} and {@code ROOT/lib/systemd/system},
 * fence agents {@code ROOT/usr/sbin/fence_*}. The root is {@code /} on a node and a temporary
 * folder in tests. Meta-data is asked of the agent itself ({@code AGENT meta-data}, or
 * {@code fence_X -o metadata}); an agent that does not answer in 5 s gives none.
 */
public final class InstalledAgents implements AgentCatalog {
    private final Path ocfRoot;
    private final Path initDir;
    private final List<Path> systemdDirs;
    private final Path fenceDir;

    private InstalledAgents(Path ocfRoot, Path initDir, List<Path> systemdDirs, Path fenceDir) {
        this.ocfRoot = ocfRoot;
        this.initDir = initDir;
        this.systemdDirs = List.copyOf(systemdDirs);
        this.fenceDir = fenceDir;
    }

    /** The agents under {@code root} laid out as on a Linux host. */
    public static InstalledAgents under(Path root) {
        return new InstalledAgents(root.resolve("usr/lib/ocf"), root.resolve("etc/init.d"),
                List.of(root.resolve("usr/lib/systemd/system"), root.resolve("lib/systemd/system")),
                root.resolve("usr/sbin"));
    }

    /** This host's agents; {@code $OCF_ROOT} (default {@code /usr/lib/ocf}) for the OCF ones. */
    public static InstalledAgents system() {
        Path root = Path.of("/");
        String ocf = System.getenv().getOrDefault("OCF_ROOT", "/usr/lib/ocf");
        return new InstalledAgents(Path.of(ocf), root.resolve("etc/init.d"),
                List.of(root.resolve("usr/lib/systemd/system"), root.resolve("lib/systemd/system")),
                root.resolve("usr/sbin"));
    }

    @Override public List<String> standards() {
        TreeSet<String> out = new TreeSet<>();
        if (!providers().isEmpty()) out.add("ocf");
        if (!lsb().isEmpty()) out.add("lsb");
        if (!systemd().isEmpty()) out.add("systemd");
        if (out.contains("lsb") || out.contains("systemd")) out.add("service");
        return List.copyOf(out);
    }

    @Override public List<String> providers() {
        return list(ocfRoot.resolve("resource.d")).stream().filter(Files::isDirectory)
                .map(p -> p.getFileName().toString()).sorted().toList();
    }

    @Override public List<AgentName> agents() {
        List<AgentName> out = new ArrayList<>();
        for (String provider : providers()) {
            list(ocfRoot.resolve("resource.d").resolve(provider)).stream().filter(InstalledAgents::isProgram)
                    .map(p -> p.getFileName().toString()).sorted()
                    .forEach(t -> out.add(AgentName.of("ocf", provider, t)));
        }
        lsb().forEach(t -> out.add(AgentName.of("lsb", null, t)));
        systemd().forEach(t -> out.add(AgentName.of("systemd", null, t)));
        list(fenceDir).stream().filter(InstalledAgents::isProgram).map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("fence_")).sorted().forEach(t -> out.add(AgentName.of("stonith", null, t)));
        return out;
    }

    @Override public Optional<String> metadataXml(AgentName agent) {
        return AgentMetadataCommand.read(ocfRoot, fenceDir, agent);
    }

    private List<String> lsb() {
        return list(initDir).stream().filter(InstalledAgents::isProgram).map(p -> p.getFileName().toString())
                .sorted().toList();
    }

    private List<String> systemd() {
        TreeSet<String> out = new TreeSet<>();
        for (Path dir : systemdDirs) {
            list(dir).stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".service") && !n.contains("@"))
                    .forEach(n -> out.add(n.substring(0, n.length() - ".service".length())));
        }
        return List.copyOf(out);
    }

    private static boolean isProgram(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
