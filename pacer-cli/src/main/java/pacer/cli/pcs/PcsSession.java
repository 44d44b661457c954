package pacer.cli.pcs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import pacer.cib.Cib;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.EditResult;
import pacer.cib.report.CibReport;
import pacer.cli.cluster.ControlClient;

/**
 * One pcs command's run: where the CIB is ({@code -f FILE}), whether {@code --force} was given,
 * the output streams, the agents and "now". {@link #apply} is the whole offline write path: read
 * the file, run the pure edit, print its reports as pcs does, write the file only on success.
 */
final class PcsSession {
    private final CibLocation location;
    private final boolean force;
    private final PrintWriter out;
    private final PrintWriter err;
    private final AgentMetadataSource agents;
    private final Instant now;

    PcsSession(Optional<String> file, boolean force, PrintWriter out, PrintWriter err, AgentMetadataSource agents,
               Instant now) {
        this.location = file.<CibLocation>map(f -> new CibFile(Path.of(f)))
                .orElseGet(() -> new LiveCib(new ControlClient(null)));
        this.force = force;
        this.out = out;
        this.err = err;
        this.agents = agents;
        this.now = now;
    }

    boolean force() { return force; }

    PrintWriter out() { return out; }

    /** A line for standard error (warnings, as pcs 0.11 prints them). */
    void err(String line) { err.println(line); }

    AgentMetadataSource agents() { return agents; }

    Instant now() { return now; }

    /** The CIB to read: the file of {@code -f}, else the live cluster through the local pacerd. */
    Cib cib() {
        return location.read();
    }

    /**
     * Reads the CIB, applies {@code edit}, prints messages and reports (warnings "Warning: ...",
     * errors "Error: ..."), and writes the file when the edit succeeded.
     *
     * @return the exit code: 0, or 1 when an error stopped the edit (the file is untouched)
     */
    int apply(Function<Cib, EditResult> edit) {
        try {
            return applyOnce(edit);
        } catch (StaleCibException e) {
            return applyOnce(edit); // someone else changed the live CIB meanwhile: once more, on theirs
        }
    }

    private int applyOnce(Function<Cib, EditResult> edit) {
        Cib cib = cib();
        EditResult result = edit.apply(cib);
        result.messages().forEach(err::println);
        for (CibReport r : result.reports()) {
            err.println((r.severity() == CibReport.Severity.ERROR ? "Error: " : "Warning: ") + r.message());
        }
        if (!result.succeeded()) {
            err.println("Error: Errors have occurred, therefore pcs is unable to continue");
            err.flush();
            return 1;
        }
        location.write(result.cib().orElseThrow());
        err.flush();
        return 0;
    }

    /**
     * {@code resource cleanup}: asks the local pacerd to forget failures and history (a CIB file
     * has no live history to clean, so -f is refused).
     */
    int cleanup(String resource, String node) {
        if (location instanceof CibFile) {
            throw new PcsFailure("resource cleanup acts on the running cluster; run it without -f");
        }
        StringBuilder q = new StringBuilder();
        if (resource != null) q.append("resource=").append(java.net.URLEncoder.encode(resource, java.nio.charset.StandardCharsets.UTF_8));
        if (node != null) q.append(q.length() > 0 ? "&" : "").append("node=")
                .append(java.net.URLEncoder.encode(node, java.nio.charset.StandardCharsets.UTF_8));
        try {
            ControlClient.Response r = new ControlClient(null).post("/ops/cleanup" + (q.length() > 0 ? "?" + q : ""), "");
            if (r.status() != 200) throw new PcsFailure(r.body().strip());
            out.print(r.body());
            out.flush();
            return 0;
        } catch (pacer.cli.cluster.ControlUnreachableException e) {
            throw new PcsFailure(e.getMessage());
        }
    }

    /** Prints lines of a read-only view to standard output. */
    int print(java.util.List<String> lines) {
        lines.forEach(out::println);
        out.flush();
        return 0;
    }
}
