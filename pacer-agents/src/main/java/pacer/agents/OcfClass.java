package pacer.agents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ocf:PROVIDER:TYPE}: {@code OCF_ROOT/resource.d/PROVIDER/TYPE ACTION}, with Pacemaker's
 * environment ({@code services_linux.c add_action_env_vars()}): {@code OCF_ROOT},
 * {@code OCF_RA_VERSION_MAJOR/MINOR} (1.1), {@code OCF_EXIT_REASON_PREFIX},
 * {@code OCF_RESOURCE_INSTANCE/TYPE/PROVIDER}, {@code OCF_RESKEY_<param>} per parameter and
 * {@code OCF_RESKEY_CRM_meta_<meta>} per meta-attribute. {@code CRM_meta_timeout} (ms) is always
 * set; {@code CRM_meta_interval} (ms) and {@code CRM_meta_name} only for recurring actions, as the
 * controller's transition graph sets them. Exit statuses read as {@code services__ocf2ocf()}.
 */
record OcfClass(AgentHost host) implements AgentClass {
    static final String OCF_VERSION_MAJOR = "1";
    static final String OCF_VERSION_MINOR = "1";
    private static final int METADATA_BYTES = 1 << 20;

    @Override public Invocation prepare(AgentRequest request) {
        return new Invocation.Run(new AgentCommand(request.key(), agentPath(request.agent()),
                List.of(request.action()), environment(request), "", request.timeout(),
                OcfClass::interpret, true, 0));
    }

    @Override public MetadataSource metadata(AgentSpec agent, Duration timeout) {
        Map<String, String> env = baseEnvironment(agent);
        return new MetadataSource.FromAgent(new AgentCommand(agent + " meta-data", agentPath(agent),
                List.of("meta-data"), env, "", timeout, OcfClass::interpret, true, METADATA_BYTES));
    }

    Path agentPath(AgentSpec agent) {
        return host.ocfAgentDir().resolve(agent.provider().orElseThrow()).resolve(agent.type());
    }

    static Outcome interpret(int exitStatus, String stdout, String stderr) {
        return Outcome.done(OcfExitCode.fromAgentExit(exitStatus));
    }

    /** Everything an OCF agent is given for {@code request}, in a stable order. */
    Map<String, String> environment(AgentRequest request) {
        Map<String, String> env = new LinkedHashMap<>();
        request.params().forEach((name, value) -> {
            env.put(name.equals("OCF_CHECK_LEVEL") ? name : "OCF_RESKEY_" + name, value);
        });
        request.meta().forEach((name, value) -> env.put(metaVariable(name), value));
        env.put(metaVariable("timeout"), Long.toString(request.timeout().toMillis()));
        if (request.isRecurring()) {
            env.put(metaVariable("interval"), Long.toString(request.intervalMs()));
            env.put(metaVariable("name"), request.action());
        }
        env.putAll(baseEnvironment(request.agent()));
        env.put("OCF_RESOURCE_INSTANCE", request.resourceId());
        return env;
    }

    private Map<String, String> baseEnvironment(AgentSpec agent) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OCF_RA_VERSION_MAJOR", OCF_VERSION_MAJOR);
        env.put("OCF_RA_VERSION_MINOR", OCF_VERSION_MINOR);
        env.put("OCF_ROOT", host.ocfRoot().toString());
        env.put("OCF_EXIT_REASON_PREFIX", AgentOutput.EXIT_REASON_PREFIX);
        env.put("OCF_RESOURCE_TYPE", agent.type());
        env.put("OCF_RESOURCE_PROVIDER", agent.provider().orElseThrow());
        return env;
    }

    /** {@code target-role} becomes {@code OCF_RESKEY_CRM_meta_target_role}. */
    static String metaVariable(String metaName) {
        return "OCF_RESKEY_CRM_meta_" + metaName.replace('-', '_');
    }
}
