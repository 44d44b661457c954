package pacer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.xml.XmlSyntaxException;

/**
 * Reads a CIB named on the command line: a file path, or {@code -} for standard input.
 * Failures become {@link CliException}s that name the input: a missing or unreadable file exits
 * with {@link ExitCodes#NO_INPUT}; malformed XML with {@link ExitCodes#DATA_ERROR}, naming the
 * line and column. Semantic problems do not fail here: they are in {@link Cib#reports()}.
 */
public final class CibInput {
    /** The argument that means "read standard input". */
    public static final String STDIN = "-";

    private final InputStream stdin;

    public CibInput(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Reads and parses the CIB that {@code argument} names. */
    public Cib load(String argument) {
        String source = argument.equals(STDIN) ? "stdin" : argument;
        String xml = argument.equals(STDIN) ? readStdin() : readFile(argument);
        try {
            return CibParser.parse(xml, source);
        } catch (XmlSyntaxException e) {
            throw new CliException(ExitCodes.DATA_ERROR, e.getMessage());
        }
    }

    private String readStdin() {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading standard input", e);
        }
    }

    private static String readFile(String argument) {
        try {
            return new String(Files.readAllBytes(Path.of(argument)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw cannotRead(argument, "no such file");
        } catch (AccessDeniedException e) {
            throw cannotRead(argument, "permission denied");
        } catch (InvalidPathException e) {
            throw cannotRead(argument, "not a valid path (" + e.getReason() + ")");
        } catch (IOException e) {
            String reason = Files.isDirectory(Path.of(argument)) ? "it is a directory" : String.valueOf(e.getMessage());
            throw cannotRead(argument, reason);
        }
    }

    private static CliException cannotRead(String path, String reason) {
        return new CliException(ExitCodes.NO_INPUT, "cannot read the CIB file '" + path + "': " + reason);
    }
}
