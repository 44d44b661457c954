package pacer.agents;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import pacer.agents.metadata.AgentMetadata;
import pacer.agents.metadata.MetadataException;
import pacer.agents.metadata.MetadataParser;

/**
 * The entry point: runs resource agents of every class with Pacemaker's conventions, reads and
 * caches their meta-data, and runs {@code validate-all}.
 *
 * <p>{@code service:NAME} is resolved per action: systemd where systemd is this host's init,
 * LSB elsewhere. (Pacemaker prefers an existing {@code /etc/init.d} script; on a systemd host the
 * unit is the better choice, since systemd generates units for init scripts anyway.)
 *
 * <p>Thread-safe. The only state is the meta-data cache, guarded by its own lock (see
 * {@link MetadataCache}); each action's state lives in its {@link RunningAgent}.
 */
public final class ResourceAgents implements AgentExecution {
    /** How long a meta-data action may run (Pacemaker's agents advise 5s; some are slower). */
    public static final Duration DEFAULT_METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final AgentHost host;
    private final AgentRunner runner;
    private final Duration metadataTimeout;
    private final MetadataCache cache = new MetadataCache();

    public ResourceAgents(AgentHost host, AgentRunner runner) {
        this(host, runner, DEFAULT_METADATA_TIMEOUT);
    }

    public ResourceAgents(AgentHost host, AgentRunner runner, Duration metadataTimeout) {
        this.host = host;
        this.runner = runner;
        this.metadataTimeout = metadataTimeout;
    }

    /** Starts {@code request}'s action; the handle can cancel it. */
    public RunningAgent start(AgentRequest request) {
        Invocation invocation = classOf(request.agent()).prepare(request);
        if (invocation instanceof Invocation.Run run) return runner.start(run.command());
        return runner.answer(((Invocation.Answer) invocation).outcome());
    }

    @Override public CompletableFuture<AgentResult> execute(AgentRequest request) {
        return start(request).result();
    }

    /**
     * Runs {@code validate-all} with the request's parameters. Only OCF and fence agents have one;
     * other classes answer {@link ExecStatus#NOT_SUPPORTED}.
     */
    public CompletableFuture<AgentResult> validate(AgentRequest request) {
        AgentStandard standard = request.agent().standard();
        if (standard != AgentStandard.OCF && standard != AgentStandard.STONITH) {
            String reason = standard.cibName() + " agents have no validate-all action";
            return runner.answer(Outcome.notSupported(reason)).result();
        }
        return execute(request.withAction("validate-all"));
    }

    /**
     * The agent's meta-data, from the cache or by running its meta-data action (which may take
     * up to the meta-data timeout). Fails with {@link MetadataUnavailableException}.
     */
    public CompletableFuture<AgentMetadata> metadata(AgentSpec agent) {
        return cache.get(agent, this::loadMetadata);
    }

    /** Forgets the cached meta-data of {@code agent}, say after the agent was upgraded. */
    public void forgetMetadata(AgentSpec agent) { cache.forget(agent); }

    /** The class that runs {@code agent} on this host ({@code service:} resolved). */
    public AgentStandard effectiveStandard(AgentSpec agent) {
        if (agent.standard() != AgentStandard.SERVICE) return agent.standard();
        return host.systemdRunning() ? AgentStandard.SYSTEMD : AgentStandard.LSB;
    }

    private AgentClass classOf(AgentSpec agent) {
        return switch (effectiveStandard(agent)) {
            case OCF -> new OcfClass(host);
            case LSB -> new LsbClass(host);
            case SYSTEMD, SERVICE -> new SystemdClass(host);
            case STONITH -> new StonithClass(host);
        };
    }

    private CompletableFuture<AgentMetadata> loadMetadata(AgentSpec agent) {
        MetadataSource source = classOf(agent).metadata(agent, metadataTimeout);
        if (source instanceof MetadataSource.BuiltIn builtIn) {
            return CompletableFuture.completedFuture(builtIn.metadata());
        }
        if (source instanceof MetadataSource.Unavailable unavailable) {
            AgentResult result = runner.answer(unavailable.outcome()).result().join();
            return CompletableFuture.failedFuture(new MetadataUnavailableException(agent, result, result.toString()));
        }
        AgentCommand command = ((MetadataSource.FromAgent) source).command();
        return runner.start(command).result().thenApply(result -> {
            if (!result.isOk()) throw new MetadataUnavailableException(agent, result, result.toString());
            try {
                return MetadataParser.parse(result.stdoutTail(), agent.toString());
            } catch (MetadataException e) {
                throw new MetadataUnavailableException(agent, result, e.getMessage());
            }
        });
    }
}
