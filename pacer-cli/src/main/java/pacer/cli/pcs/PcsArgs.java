package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * pcs's command line split the way pcs splits it: positional words, and modifiers
 * ({@code --force}, {@code --group G}, {@code -f FILE}, ...) wherever they appear. Negative scores
 * ({@code -INFINITY}, {@code -100}) are words, not options; {@code --} ends the modifiers.
 */
final class PcsArgs {
    /** Modifiers that take a value (as the next word or after {@code =}). */
    private static final Set<String> WITH_VALUE = Set.of("-f", "--group", "--before", "--after", "--output-format",
            "--name", "--lifetime", "--wait", "--request-timeout", "--corosync_conf", "--output-as", "--node");
    /** Modifiers that are flags; {@code --wait} may also stand alone. */
    private static final Set<String> FLAGS = Set.of("--force", "--disabled", "--no-default-ops", "--full", "--all",
            "--defaults", "--promoted", "--master", "--debug", "--hide-inactive", "--expired", "--strict", "--clone",
            "--safe", "--simulate", "--no-strict", "--yes", "--groups", "--future", "--agent-validation", "--monitor", "--nodesc", "--off");

    private final List<String> words;
    private final Map<String, String> modifiers;

    private PcsArgs(List<String> words, Map<String, String> modifiers) {
        this.words = words;
        this.modifiers = modifiers;
    }

    /** @throws PcsUsageException for an unknown option or a missing option value */
    static PcsArgs parse(List<String> raw) {
        List<String> words = new ArrayList<>();
        Map<String, String> modifiers = new LinkedHashMap<>();
        boolean rest = false;
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (rest || !a.startsWith("-") || a.equals("-") || a.matches("-([0-9]+|(?i:inf(inity)?))")) {
                words.add(a);
                continue;
            }
            if (a.equals("--")) {
                rest = true;
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (a.startsWith("-f") && a.length() > 2 && !a.startsWith("--")) {
                name = "-f";
                value = a.substring(2);
            }
            if (FLAGS.contains(name) || name.equals("--wait") && value == null) {
                modifiers.put(name, value == null ? "" : value);
            } else if (WITH_VALUE.contains(name)) {
                if (value == null) {
                    if (i + 1 >= raw.size()) throw new PcsUsageException("option '" + name + "' requires a value");
                    value = raw.get(++i);
                }
                modifiers.put(name, value);
            } else {
                throw new PcsUsageException("unknown option '" + a + "'");
            }
        }
        return new PcsArgs(List.copyOf(words), modifiers);
    }

    List<String> words() { return words; }

    boolean has(String modifier) { return modifiers.containsKey(modifier); }

    Optional<String> value(String modifier) { return Optional.ofNullable(modifiers.get(modifier)); }

    /** Fails when a modifier the command does not support was given (pcs does the same). */
    void allowOnly(String command, String... allowed) {
        Set<String> ok = new java.util.HashSet<>(List.of(allowed));
        ok.addAll(List.of("-f", "--force", "--debug", "--wait", "--request-timeout"));
        for (String m : modifiers.keySet()) {
            if (!ok.contains(m)) throw new PcsUsageException("specified option '" + m + "' is not supported in '" + command + "'");
        }
    }

    /**
     * {@code name=value} words as an ordered map.
     *
     * @throws PcsUsageException for a word without {@code =} or with an empty name
     */
    static Map<String, String> pairs(List<String> words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq <= 0) throw new PcsUsageException("missing value of '" + w + "' option, use NAME=VALUE");
            out.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return out;
    }

    static boolean isPair(String word) { return word.indexOf('=') > 0; }
}
