/**
 * Renderings of a {@link pacer.scheduler.simulate.SimulationResult} for {@code --output-as}:
 * crm_simulate's text, and XML and JSON for scripts. Pure functions from a result to a string;
 * no I/O.
 */
package pacer.cli.output;
