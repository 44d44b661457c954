package pacer.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import pacer.agents.metadata.BuiltInMetadata;

/**
 * {@code lsb:NAME}: {@code /etc/init.d/NAME ACTION}, no environment of its own, {@code monitor}
 * run as {@code status}. Exit statuses map as {@code services__lsb2ocf()}: for status, 0 running,
 * 1 (dead, pid file left), 2 (dead, lock file left) and 3 all "not running" (7), 150 not installed,
 * 151 insufficient privileges, anything else a generic error; for other actions 0..7 are shared
 * with OCF and anything else is a generic error.
 */
record LsbClass(AgentHost host) implements AgentClass {
    static final int LSB_STATUS_VAR_PID = 1;
    static final int LSB_STATUS_VAR_LOCK = 2;
    static final int LSB_STATUS_NOT_RUNNING = 3;
    static final int LSB_STATUS_NOT_INSTALLED = 150;
    static final int LSB_STATUS_INSUFFICIENT_PRIV = 151;

    @Override public Invocation prepare(AgentRequest request) {
        String action = lsbAction(request.action());
        return new Invocation.Run(new AgentCommand(request.key(), scriptPath(request.agent()), List.of(action),
                Map.of(), "", request.timeout(), (exit, out, err) -> Outcome.done(toOcf(action, exit)), false, 0));
    }

    @Override public MetadataSource metadata(AgentSpec agent, Duration timeout) {
        Path script = scriptPath(agent);
        if (!Files.isRegularFile(script)) {
            return new MetadataSource.Unavailable(Outcome.notInstalled(script + ": No such file or directory"));
        }
        String shortDesc = "";
        String longDesc = "";
        try {
            for (String line : initInfo(script)) {
                if (line.startsWith("# Short-Description:")) shortDesc = line.substring(20).strip();
                if (line.startsWith("# Description:")) longDesc = line.substring(14).strip();
            }
        } catch (IOException e) {
            // The header only adds descriptions; the actions and timeouts stand without it.
        }
        return new MetadataSource.BuiltIn(BuiltInMetadata.lsb(agent.type(), shortDesc, longDesc));
    }

    Path scriptPath(AgentSpec agent) { return host.initDir().resolve(agent.type()); }

    static String lsbAction(String action) {
        return action.equals("monitor") ? "status" : action;
    }

    /** Pacemaker's {@code services__lsb2ocf()}. */
    static OcfExitCode toOcf(String action, int exitStatus) {
        if (!action.equals("status") && !action.equals("monitor")) {
            if (exitStatus < 0 || exitStatus > OcfExitCode.NOT_RUNNING.code()) return OcfExitCode.UNKNOWN_ERROR;
            return OcfExitCode.fromAgentExit(exitStatus);
        }
        return switch (exitStatus) {
            case 0 -> OcfExitCode.OK;
            case LSB_STATUS_NOT_INSTALLED -> OcfExitCode.NOT_INSTALLED;
            case LSB_STATUS_INSUFFICIENT_PRIV -> OcfExitCode.INSUFFICIENT_PRIV;
            case LSB_STATUS_VAR_PID, LSB_STATUS_VAR_LOCK, LSB_STATUS_NOT_RUNNING -> OcfExitCode.NOT_RUNNING;
            default -> OcfExitCode.UNKNOWN_ERROR;
        };
    }

    /** The lines of the {@code ### BEGIN INIT INFO} block. */
    private static List<String> initInfo(Path script) throws IOException {
        List<String> lines;
        try (var stream = Files.lines(script)) {
            lines = stream.limit(200).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        int begin = lines.indexOf("### BEGIN INIT INFO");
        int end = lines.indexOf("### END INIT INFO");
        return begin >= 0 && end > begin ? lines.subList(begin + 1, end) : List.of();
    }
}
