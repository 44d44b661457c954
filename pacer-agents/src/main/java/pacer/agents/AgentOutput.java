package pacer.agents;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files an agent's stdin, stdout and stderr are redirected to while it runs.
 *
 * <p>Files rather than pipes: an agent that starts a daemon often leaves the daemon holding its
 * output descriptors, and a pipe would then never reach end-of-file; with files the result is
 * complete the moment the agent exits, and no reader thread can be left blocked. The files are
 * deleted once the result is read.
 */
final class AgentOutput {
    /** OCF agents print {@code ocf-exit-reason:TEXT} on stderr; Pacemaker takes the last one. */
    static final String EXIT_REASON_PREFIX = "ocf-exit-reason:";
    private static final int REASON_SCAN_BYTES = 64 * 1024;
    private static final int REASON_MAX_CHARS = 512;

    private final Path stdin;
    private final Path stdout;
    private final Path stderr;

    private AgentOutput(Path stdin, Path stdout, Path stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static AgentOutput create(Path spoolDir, String input) throws IOException {
        Files.createDirectories(spoolDir);
        Path in = Files.createTempFile(spoolDir, "pacer-agent-", ".in");
        Files.writeString(in, input, StandardCharsets.UTF_8);
        Path out = Files.createTempFile(spoolDir, "pacer-agent-", ".out");
        Path err = Files.createTempFile(spoolDir, "pacer-agent-", ".err");
        return new AgentOutput(in, out, err);
    }

    Path stdin() { return stdin; }

    Path stdout() { return stdout; }

    Path stderr() { return stderr; }

    String stdoutTail(int bytes) { return tail(stdout, bytes); }

    String stderrTail(int bytes) { return tail(stderr, bytes); }

    /** The text after the last {@code ocf-exit-reason:} in stderr, to the end of its line. */
    Optional<String> exitReason() {
        String scan = tail(stderr, REASON_SCAN_BYTES);
        int at = scan.lastIndexOf(EXIT_REASON_PREFIX);
        if (at < 0) return Optional.empty();
        String rest = scan.substring(at + EXIT_REASON_PREFIX.length());
        int eol = rest.indexOf('\n');
        String reason = (eol < 0 ? rest : rest.substring(0, eol)).strip();
        if (reason.length() > REASON_MAX_CHARS) reason = reason.substring(0, REASON_MAX_CHARS);
        return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    }

    void delete() {
        for (Path p : new Path[] {stdin, stdout, stderr}) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // A leftover spool file is harmless; the next cleanup of the spool dir removes it.
            }
        }
    }

    private static String tail(Path file, int bytes) {
        if (bytes <= 0) return "";
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int n = (int) Math.min(length, bytes);
            byte[] buf = new byte[n];
            f.seek(length - n);
            f.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last non-blank line, at most 256 characters. */
    static String lastLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return "";
        String last = lines.get(lines.size() - 1);
        return last.length() > 256 ? last.substring(0, 256) : last;
    }
}
