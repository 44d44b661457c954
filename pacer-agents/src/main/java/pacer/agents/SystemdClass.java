package pacer.agents;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pacer.agents.metadata.BuiltInMetadata;

/**
 * {@code systemd:UNIT} through {@code systemctl} (Pacemaker talks D-Bus; the results are the same):
 * {@code start} and {@code stop} wait for the job, {@code monitor}/{@code status} read the unit's
 * {@code LoadState} and {@code ActiveState}. A unit name without a unit type gets {@code .service}.
 *
 * <p>Where systemd is not this host's init, nothing runs: the result is
 * {@link ExecStatus#NOT_INSTALLED} with "systemd is not available on this host", so the scheduler
 * keeps the resource off this node; a stop is OK, since no unit can be running here. Pacemaker
 * answers "No DBus connection" with a plain error in that case. A unit systemd does not know is
 * not installed, and its stop is OK, as in Pacemaker.
 */
record SystemdClass(AgentHost host) implements AgentClass {
    static final String NOT_AVAILABLE = "systemd is not available on this host";
    private static final Set<String> UNIT_TYPES = Set.of("service", "socket", "device", "mount", "automount",
            "swap", "target", "path", "timer", "slice", "scope");

    @Override public Invocation prepare(AgentRequest request) {
        String unit = unitName(request.agent().type());
        String action = request.action();
        if (!host.systemdRunning()) {
            return new Invocation.Answer(action.equals("stop") ? Outcome.done(OcfExitCode.OK, NOT_AVAILABLE)
                    : Outcome.notInstalled(NOT_AVAILABLE));
        }
        return switch (action) {
            case "start" -> run(request, List.of("start", unit), (exit, out, err) -> jobResult(unit, false, exit, err));
            case "stop" -> run(request, List.of("stop", unit), (exit, out, err) -> jobResult(unit, true, exit, err));
            case "monitor", "status" -> run(request,
                    List.of("show", "--property=LoadState", "--property=ActiveState", unit),
                    (exit, out, err) -> exit == 0 ? state(unit, out) : failure(unit, exit, err));
            default -> new Invocation.Answer(Outcome.notSupported("systemd resources have no " + action + " action"));
        };
    }

    @Override public MetadataSource metadata(AgentSpec agent, Duration timeout) {
        if (!host.systemdRunning()) return new MetadataSource.Unavailable(Outcome.notInstalled(NOT_AVAILABLE));
        String unit = unitName(agent.type());
        return new MetadataSource.BuiltIn(BuiltInMetadata.systemd(unit, "systemd unit " + unit));
    }

    private Invocation run(AgentRequest request, List<String> args, ExitInterpreter interpreter) {
        return new Invocation.Run(new AgentCommand(request.key(), host.systemctl(), args, Map.of(), "",
                request.timeout(), interpreter, false, 0));
    }

    /** {@code nginx} is {@code nginx.service}; {@code web.mount} stays itself. */
    static String unitName(String type) {
        int dot = type.lastIndexOf('.');
        if (dot > 0 && UNIT_TYPES.contains(type.substring(dot + 1))) return type;
        return type + ".service";
    }

    /** A start or stop job: systemctl exits 5 (LSB "not installed") for a unit it cannot load. */
    static Outcome jobResult(String unit, boolean stop, int exit, String stderr) {
        if (exit == 0) return Outcome.done(OcfExitCode.OK);
        if (exit == 5 || stderr.contains("not found") || stderr.contains("not loaded")) {
            return stop ? Outcome.done(OcfExitCode.OK) : Outcome.notInstalled("systemd unit " + unit + " not found");
        }
        return failure(unit, exit, stderr);
    }

    /** Pacemaker's {@code parse_status_result()} over {@code ActiveState}. */
    static Outcome state(String unit, String showOutput) {
        String load = property(showOutput, "LoadState");
        String active = property(showOutput, "ActiveState");
        if (load.equals("not-found")) return Outcome.notInstalled("systemd unit " + unit + " not found");
        return switch (active) {
            case "active", "reloading" -> Outcome.done(OcfExitCode.OK);
            case "activating", "deactivating" -> new Outcome(ExecStatus.PENDING, OcfExitCode.PENDING, active);
            default -> Outcome.done(OcfExitCode.NOT_RUNNING, active);
        };
    }

    private static Outcome failure(String unit, int exit, String stderr) {
        String last = AgentOutput.lastLine(stderr);
        String reason = last.isEmpty() ? "systemctl exited with " + exit + " for " + unit : last;
        return Outcome.done(OcfExitCode.UNKNOWN_ERROR, reason);
    }

    private static String property(String output, String name) {
        return output.lines()
                .filter(l -> l.startsWith(name + "="))
                .map(l -> l.substring(name.length() + 1).strip())
                .findFirst()
                .orElse("");
    }
}
