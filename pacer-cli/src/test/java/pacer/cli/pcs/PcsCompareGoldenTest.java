package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pacer.cib.edit.AgentMetadata;
import pacer.cib.edit.AgentMetadataParser;
import pacer.cib.edit.AgentName;
import pacer.cib.edit.StaticAgentMetadataSource;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;

/**
 * Replays each scenario of {@code src/test/resources/pcs/compare} (see the README there) through
 * Pacer's {@code -f FILE} path and compares the result with what Debian 12's real pcs 0.11.5
 * gave for the same command lines: the normalised {@code <configuration>} ({@code NAME.cib.xml})
 * and the transcript of what each command printed and its exit code ({@code NAME.out}), in the
 * same form scripts/pcs-compare writes. A scenario listed in KNOWN-DIFFERENCES must still differ
 * (so that fixing it makes this test say to take it off the list).
 */
class PcsCompareGoldenTest {
    @TempDir
    Path dir;

    static Path compareDir() {
        try {
            return Path.of(PcsCompareGoldenTest.class.getResource("/pcs/compare").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> scenarios() throws IOException {
        Map<String, String> known = knownDifferences();
        try (Stream<Path> files = Files.list(compareDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pcs")).sorted()
                    .map(p -> p.getFileName().toString().replaceFirst("\\.pcs$", ""))
                    .map(n -> Arguments.of(n, known.get(n))).toList().stream();
        }
    }

    /** KNOWN-DIFFERENCES: "scenario: why Pacer differs" lines. */
    static Map<String, String> knownDifferences() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(compareDir().resolve("KNOWN-DIFFERENCES"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameCibAndTextsAsRealPcs(String name, String knownDifference) throws IOException {
        Path compare = compareDir();
        Path cib = dir.resolve("cib.xml");
        Files.copy(compare.resolve("base.xml"), cib);
        StringBuilder transcript = new StringBuilder();
        for (String raw : Files.readAllLines(compare.resolve(name + ".pcs"))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            List<String> args = new ArrayList<>(List.of("-f", cib.toString()));
            args.addAll(words(line));
            PcsCli.Run run = PcsCli.runWith(agents(), args.toArray(String[]::new));
            transcript.append("$ pcs ").append(line).append('\n').append(run.out());
            if (!run.out().isEmpty() && !run.out().endsWith("\n")) transcript.append("\\ no newline at end\n");
            if (run.exitCode() != 0) transcript.append("[exit ").append(run.exitCode()).append("]\n");
        }
        String gotCib = normalise(Files.readString(cib));
        String wantCib = Files.readString(compare.resolve(name + ".cib.xml"));
        String wantOut = Files.readString(compare.resolve(name + ".out"));
        if (knownDifference != null) {
            assertThat(gotCib.equals(wantCib) && transcript.toString().equals(wantOut))
                    .as("%s is listed in KNOWN-DIFFERENCES (%s) but is now identical to real pcs: take it off the list",
                            name, knownDifference)
                    .isFalse();
            return;
        }
        assertThat(gotCib).as("%s: <configuration> after the scenario, vs real pcs 0.11.5's", name).isEqualTo(wantCib);
        assertThat(transcript.toString()).as("%s: what each command printed, vs real pcs 0.11.5", name).isEqualTo(wantOut);
    }

    @Test
    void everyKnownDifferenceNamesAScenario() throws IOException {
        for (String name : knownDifferences().keySet()) {
            assertThat(compareDir().resolve(name + ".pcs")).as("KNOWN-DIFFERENCES names %s", name).exists();
        }
    }

    @Test
    void wordsSplitAsTheShellDoes() {
        assertThat(words("resource update X a=\"n1 n3\" '#uname' b=c\\ d"))
                .containsExactly("resource", "update", "X", "a=n1 n3", "#uname", "b=c d");
    }

    /** A command line split into words as bash does for these files: quotes and backslashes. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) w.append(line.charAt(++i));
                else w.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(w.toString());
        return out;
    }

    /** The agents as installed where the golden files were made (their meta-data in compare/agents). */
    static StaticAgentMetadataSource agents() {
        List<AgentMetadata> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(compareDir().resolve("agents"))) {
            for (Path p : files.sorted().toList()) {
                String[] parts = p.getFileName().toString().replaceFirst("\\.xml$", "").split("_", 3);
                AgentName name = parts[0].equals("stonith")
                        ? AgentName.of("stonith", null, parts[1] + "_" + parts[2])
                        : AgentName.of(parts[0], parts[1], parts[2]);
                list.add(AgentMetadataParser.parse(name, Files.readString(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StaticAgentMetadataSource(list);
    }

    /**
     * The {@code <configuration>} element, attributes sorted, one element a line, two-space indent:
     * scripts/pcs-compare's normalise() in Java.
     */
    static String normalise(String xml) {
        XmlElement root = XmlReader.parse(xml, "compared");
        List<String> lines = new ArrayList<>();
        root.child("configuration").ifPresent(c -> write(c, 0, lines));
        return String.join("\n", lines) + "\n";
    }

    private static void write(XmlElement e, int depth, List<String> lines) {
        String pad = "  ".repeat(depth);
        StringBuilder attrs = new StringBuilder();
        new TreeMap<>(e.attributes()).forEach((k, v) -> attrs.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        String text = e.text() == null ? "" : e.text().strip();
        if (e.children().isEmpty() && text.isEmpty()) {
            lines.add(pad + "<" + e.name() + attrs + "/>");
            return;
        }
        lines.add(pad + "<" + e.name() + attrs + ">");
        if (!text.isEmpty()) lines.add(pad + "  " + escape(text));
        e.children().forEach(c -> write(c, depth + 1, lines));
        lines.add(pad + "</" + e.name() + ">");
    }

    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("\n", "&#10;");
    }
}
