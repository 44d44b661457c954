package pacer.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import picocli.CommandLine;

/** Runs {@code pacer} in-process with captured output, a given stdin and a fixed clock. */
final class TestCli {
    static final Instant CLOCK = Instant.parse("2020-02-02T02:02:02Z");

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    private TestCli() {}

    static Run run(String... args) {
        return runWithStdin("", args);
    }

    static Run runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = PacerCommand.commandLine(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), InstantSource.fixed(CLOCK), false);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
