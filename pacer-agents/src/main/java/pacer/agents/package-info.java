/**
 * Running resource agents, Pacemaker's executor without the daemon: {@link pacer.agents.ResourceAgents}
 * runs {@code ocf}, {@code lsb}, {@code systemd}, {@code service} and {@code stonith} agents with
 * Pacemaker's environment and exit-code mapping, reads and caches their meta-data;
 * {@link pacer.agents.AgentRunner} runs one process in its own process group with a timeout
 * (TERM, then KILL, for the whole group); {@link pacer.agents.RecurringMonitors} schedules
 * recurring monitors and reports changes only. Results ({@link pacer.agents.AgentResult}) keep
 * Pacemaker's two axes: {@link pacer.agents.ExecStatus} and {@link pacer.agents.OcfExitCode}.
 *
 * <p>Called by the controller and the fencer (pacer-cluster). Time and timers are injected
 * ({@link pacer.agents.AgentClock}, {@link pacer.agents.AgentTimers}); no static mutable state.
 * Never interprets results for placement: hard/fatal classification is the scheduler's.
 */
package pacer.agents;
