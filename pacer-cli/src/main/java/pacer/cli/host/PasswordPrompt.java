package pacer.cli.host;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads passwords: from the terminal without echo when pacer runs on one, else one line from
 * standard input (so that {@code echo PW | pacer host auth n1} and tests work).
 */
final class PasswordPrompt {
    private final InputStream stdin;
    private BufferedReader lines;

    PasswordPrompt(InputStream stdin) {
        this.stdin = stdin;
    }

    /**
     * @param prompt shown on the terminal; nothing is shown when reading standard input
     * @throws IOException when standard input ends before a line
     */
    char[] read(String prompt) throws IOException {
        Console console = System.console();
        if (console != null && stdin == System.in) {
            char[] pw = console.readPassword("%s", prompt);
            if (pw == null) throw new IOException("no password given (end of input)");
            return pw;
        }
        if (lines == null) lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null) throw new IOException("no password given: standard input is empty; give -p PASSWORD or type it"
                + " on a terminal");
        return line.toCharArray();
    }
}
