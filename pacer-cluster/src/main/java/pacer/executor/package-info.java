/**
 * The executor: one per node, Pacemaker's pacemaker-execd plus the controller's local half. It
 * takes "execute" requests from the DC over the bus ({@link pacer.executor.ExecutorWire}, header
 * {@code pacer-ctl/1}), runs them through {@code pacer.agents} with Pacemaker's meta (timeout,
 * interval), numbers them (call ids), keeps the operation history, runs recurring monitors
 * (reported on change only, cancelled before a stop) and reports every result to the DC. It
 * decides nothing: what to run is the DC's job ({@code pacer.controller}); recording results in
 * the CIB is the DC's too.
 */
package pacer.executor;
