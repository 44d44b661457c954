package pacer.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import pacer.cib.Cib;
import pacer.cli.output.OutputFormat;
import pacer.scheduler.simulate.SimulationResult;
import pacer.scheduler.simulate.SimulationTime;
import pacer.scheduler.simulate.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pacer simulate}: crm_simulate's job. Reads a CIB, runs the scheduler on it at a simulated
 * "now" (the {@code -t} date, else the CIB's {@code execution-date}, else the wall clock) and
 * prints the current status, the transition summary, the actions as if executed, and the revised
 * status.
 *
 * <p>Configuration problems in the CIB do not stop the simulation, as in crm_simulate: every
 * report is printed to standard error ("error: line 12: ...") and the simulation runs on what
 * could be read. Malformed XML and missing files do stop it (see {@link CibInput}).
 */
@Command(name = "simulate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Show what the scheduler would do with a CIB, as crm_simulate -S does.",
            "Prints the current cluster status, the transition summary, the actions as if executed "
                + "and the revised status."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:success", " 1:internal error (a bug in pacer)", " 2:invalid usage",
            "65:the CIB is not well-formed XML", "66:the CIB file is missing or unreadable"},
        footer = {"%nExample:%n  pacer simulate -x docs/examples/seed-webcluster.xml"})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-x", "--xml-file"}, required = true, paramLabel = "FILE",
            description = "The CIB to simulate (Pacemaker XML); - reads standard input.")
    private String xmlFile;

    @Option(names = {"-t", "--date"}, paramLabel = "DATE", converter = DateConverter.class,
            description = "The simulated \"now\", ISO 8601 (2010-01-01, 2010-01-01T12:00:00Z, 2010-001). "
                    + "Default: the CIB's execution-date, else the current time. A time without an offset is UTC.")
    private Instant date;

    @Option(names = {"-s", "--show-scores"}, description = "Also show the allocation scores.")
    private boolean showScores;

    @Option(names = {"-S", "--simulate"},
            description = "Accepted for crm_simulate compatibility; the transition is always simulated.")
    private boolean simulate;

    @Option(names = "--output-as", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (crm_simulate's), xml or json. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    private final InputStream stdin;
    private final InstantSource clock;

    /**
     * @param stdin read when the file is {@code -}
     * @param clock gives "now" when neither {@code -t} nor the CIB's execution-date does
     */
    public SimulateCommand(InputStream stdin, InstantSource clock) {
        this.stdin = stdin;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Cib cib = new CibInput(stdin).load(xmlFile);
        Instant now = SimulationTime.now(cib, Optional.ofNullable(date), clock.instant());
        SimulationResult result = Simulator.simulate(cib, now, showScores);
        PrintWriter err = spec.commandLine().getErr();
        result.reports().forEach(r -> err.println(r.render()));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(result));
        out.flush();
        return ExitCodes.OK;
    }
}
