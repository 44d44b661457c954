/**
 * The controller: Pacemaker's pacemaker-controld, reduced to its reconcile loop. On the DC only
 * ({@link pacer.controller.DcRole}, swapped in and out on membership changes; every other node
 * holds a {@link pacer.controller.MemberRole}) it runs the scheduler on the whole CIB whenever
 * something changed, walks the transition graph ({@link pacer.controller.TransitionRunner} with a
 * pluggable {@link pacer.controller.ActionDispatcher}), sends resource actions to the nodes'
 * executors and fencing to the {@link pacer.fencing.Fencer}, and records every result in the CIB
 * status ({@link pacer.controller.LrmRecord}). {@link pacer.controller.ClusterOperations} holds the
 * administrator's operations (cleanup, standby, maintenance) as CIB writes.
 *
 * <p>It never decides placement (the scheduler does) and never runs an agent (executors do).
 */
package pacer.controller;
