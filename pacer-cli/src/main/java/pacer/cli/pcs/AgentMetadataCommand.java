package pacer.cli.pcs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import pacer.cib.edit.AgentName;

/**
 * Asks an installed agent for its meta-data, as Pacemaker does: {@code OCF_ROOT/resource.d/PROVIDER/TYPE
 * meta-data} for OCF agents, {@code FENCE_DIR/fence_X -o metadata} for fence agents. An agent that is
 * not there, names a path ({@code /} or a leading {@code .}), fails, or does not answer within 5 s
 * gives none. Shared by the catalogue ({@link InstalledAgents}) and the parameter checks
 * ({@link OcfAgents}), so that both find and run agents the same way.
 */
final class AgentMetadataCommand {
    private static final long TIMEOUT_SECONDS = 5;

    private AgentMetadataCommand() {
    }

    /** The agent's meta-data XML as it printed it, or empty when it gives none. */
    static Optional<String> read(Path ocfRoot, Path fenceDir, AgentName agent) {
        if (agent.type().contains("/") || agent.type().startsWith(".")
                || agent.provider().map(p -> p.contains("/") || p.startsWith(".")).orElse(false)) {
            return Optional.empty();
        }
        if (agent.standard().equals("ocf") && agent.provider().isPresent()) {
            Path script = ocfRoot.resolve("resource.d").resolve(agent.provider().get()).resolve(agent.type());
            return run(ocfRoot, List.of(script.toString(), "meta-data"));
        }
        if (agent.isStonith()) return run(ocfRoot, List.of(fenceDir.resolve(agent.type()).toString(), "-o", "metadata"));
        return Optional.empty();
    }

    private static Optional<String> run(Path ocfRoot, List<String> command) {
        Path program = Path.of(command.get(0));
        if (!Files.isRegularFile(program) || !Files.isExecutable(program)) return Optional.empty();
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = pb.environment();
            env.put("OCF_ROOT", ocfRoot.toString());
            env.put("OCF_RESOURCE_INSTANCE", "pacer-metadata");
            env.put("__OCF_ACTION", "meta-data");
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(bytes, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
