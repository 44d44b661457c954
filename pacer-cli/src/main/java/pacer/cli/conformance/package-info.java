/**
 * The scheduler conformance runner: runs Pacemaker's own scheduler regression cases
 * ({@code ../shared/pacemaker-scheduler}: {@code cases.csv}, {@code xml/}, {@code summary/})
 * through {@link pacer.scheduler.simulate.Simulator} and judges each by its Transition Summary,
 * as that folder's README says.
 *
 * <p>{@link pacer.cli.conformance.ConformanceSuite} runs the cases (all in one JVM, each guarded
 * by a timeout, a throwing case is a failure and never aborts the run);
 * {@link pacer.cli.conformance.ConformanceRunner} is the command-line front door
 * ({@code scripts/scheduler-conformance}) that prints the per-tier table, writes the report and
 * checks or writes the list of passing cases. Reads files; never writes into the data folder.
 */
package pacer.cli.conformance;
