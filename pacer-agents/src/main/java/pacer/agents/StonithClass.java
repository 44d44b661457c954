package pacer.agents;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code stonith:AGENT}: fence agents in {@code /usr/sbin}, speaking the fence-agent protocol:
 * no arguments, {@code key=value} lines on stdin, the action as {@code action=...}. Parameters
 * that are Pacemaker's own ({@code pcmk_*}, {@code provides}, {@code stonith-timeout},
 * {@code CRM_meta_*}, {@code crm_feature_set}) are not passed, as in Pacemaker's
 * {@code append_config_arg()}, and {@code pcmk_<action>_action} renames an action.
 *
 * <p>As the executor does for stonith resources, {@code start} checks the device with
 * {@code monitor} and {@code stop} runs nothing: registering devices is the fencer's job. A fencing
 * action (off, reboot, on) gets its target from the caller in the parameters ({@code nodename},
 * {@code port} or the device's host argument). Exit 0 is OK; for {@code status} 2 means the target
 * is off (not running); anything else is an error whose reason is the agent's last stderr line.
 */
record StonithClass(AgentHost host) implements AgentClass {
    private static final int METADATA_BYTES = 1 << 20;

    @Override public Invocation prepare(AgentRequest request) {
        String action = switch (request.action()) {
            case "start" -> "monitor";
            case "meta-data" -> "metadata";
            default -> request.action();
        };
        if (request.action().equals("stop")) return new Invocation.Answer(Outcome.done(OcfExitCode.OK));
        action = request.params().getOrDefault("pcmk_" + action + "_action", action);
        String fenceAction = action;
        return new Invocation.Run(new AgentCommand(request.key(), host.fenceAgentDir().resolve(request.agent().type()),
                List.of(), Map.of(), stdin(fenceAction, request.params()), request.timeout(),
                (exit, out, err) -> interpret(fenceAction, exit, err), false, 0));
    }

    @Override public MetadataSource metadata(AgentSpec agent, Duration timeout) {
        return new MetadataSource.FromAgent(new AgentCommand(agent + " metadata",
                host.fenceAgentDir().resolve(agent.type()), List.of(), Map.of(), "action=metadata\n", timeout,
                (exit, out, err) -> interpret("metadata", exit, err), false, METADATA_BYTES));
    }

    /** The agent's stdin: the action first, then the parameters in name order. */
    static String stdin(String action, Map<String, String> params) {
        StringBuilder sb = new StringBuilder("action=").append(action).append('\n');
        new TreeMap<>(params).forEach((k, v) -> {
            if (passedToAgent(k)) sb.append(k).append('=').append(v.replace('\n', ' ')).append('\n');
        });
        return sb.toString();
    }

    static boolean passedToAgent(String param) {
        return !param.equals("action") && !param.startsWith("pcmk_") && !param.equals("provides")
                && !param.equals("stonith-timeout") && !param.startsWith("CRM_meta")
                && !param.equals("crm_feature_set");
    }

    static Outcome interpret(String action, int exit, String stderr) {
        if (exit == 0) return Outcome.done(OcfExitCode.OK);
        if (action.equals("status") && exit == 2) return Outcome.done(OcfExitCode.NOT_RUNNING, "target is off");
        String last = AgentOutput.lastLine(stderr);
        return Outcome.done(OcfExitCode.UNKNOWN_ERROR,
                last.isEmpty() ? "fence agent " + action + " exited with " + exit : last);
    }
}
