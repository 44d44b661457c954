package pacer.membership;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import pacer.membership.ClusterConfig.Node;
import pacer.membership.ClusterConfigException.Problem;

/**
 * Reads the text format described on {@link ClusterConfig}. One instance parses one text; it
 * collects every problem before failing, so the exception lists them all. No I/O.
 */
final class ClusterConfigParser {
    private static final List<String> SETTINGS = List.of(
            "cluster_name", "port", "token", "two_node", "wait_for_all", "expected_votes", "keyfile", "qdevice",
            "qdevice_tie_breaker");
    private static final List<String> NODE_KEYS = List.of("addr", "nodeid", "port");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final long MIN_TOKEN_MS = 100;
    private static final long MAX_TOKEN_MS = 600_000;

    private final String source;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, Integer> settingLines = new HashMap<>();
    private final List<RawNode> rawNodes = new ArrayList<>();

    private record RawNode(int line, String name, Map<String, String> keys) { }

    ClusterConfigParser(String source) {
        this.source = source;
    }

    ClusterConfig parse(String text) throws ClusterConfigException {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            readLine(i + 1, stripComment(lines[i]).strip());
        }
        ClusterConfig config = build();
        if (!problems.isEmpty()) {
            throw new ClusterConfigException(source, problems);
        }
        return config;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private void readLine(int line, String text) {
        if (text.isEmpty()) {
            return;
        }
        String[] words = text.split("\\s+");
        if (words[0].equals("node")) {
            readNode(line, words);
            return;
        }
        int eq = text.indexOf('=');
        if (eq < 0) {
            problem(line, "cannot read '" + text + "'; write 'setting = value' or 'node NAME addr=ADDRESS nodeid=N'");
            return;
        }
        String key = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = text.substring(eq + 1).strip();
        if (!SETTINGS.contains(key)) {
            problem(line, "unknown setting '" + key + "'" + suggestion(key, SETTINGS)
                    + "; known settings: " + String.join(", ", SETTINGS));
            return;
        }
        if (settings.containsKey(key)) {
            problem(line, "'" + key + "' is already set on line " + settingLines.get(key) + "; keep one of them");
            return;
        }
        if (value.isEmpty()) {
            problem(line, "'" + key + "' has no value; write '" + key + " = VALUE' or remove the line");
            return;
        }
        settings.put(key, value);
        settingLines.put(key, line);
    }

    private void readNode(int line, String[] words) {
        if (words.length < 2 || words[1].contains("=")) {
            problem(line, "a node line needs a name: 'node NAME addr=ADDRESS nodeid=N'");
            return;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            String key = eq < 0 ? words[i] : words[i].substring(0, eq).toLowerCase(Locale.ROOT);
            if (eq <= 0 || eq == words[i].length() - 1) {
                problem(line, "node " + words[1] + ": cannot read '" + words[i] + "'; write KEY=VALUE with no spaces");
            } else if (!NODE_KEYS.contains(key)) {
                problem(line, "node " + words[1] + ": unknown key '" + key + "'" + suggestion(key, NODE_KEYS)
                        + "; known keys: " + String.join(", ", NODE_KEYS));
            } else if (keys.put(key, words[i].substring(eq + 1)) != null) {
                problem(line, "node " + words[1] + ": '" + key + "' is given twice; keep one");
            }
        }
        rawNodes.add(new RawNode(line, words[1], keys));
    }

    private ClusterConfig build() {
        String clusterName = settings.get("cluster_name");
        if (clusterName == null) {
            problem(0, "'cluster_name' is missing; add a line 'cluster_name = NAME'");
            clusterName = "";
        } else if (!NAME.matcher(clusterName).matches()) {
            problem(settingLines.get("cluster_name"), "cluster_name '" + clusterName
                    + "' is not a valid name; use letters, digits, '.', '_' and '-' (at most 63)");
        }
        int port = intSetting("port", ClusterConfig.DEFAULT_PORT, 1, 65535);
        long tokenMs = intSetting("token", (int) ClusterConfig.DEFAULT_TOKEN.toMillis(), MIN_TOKEN_MS, MAX_TOKEN_MS);
        boolean twoNode = boolSetting("two_node", false);
        boolean waitForAll = boolSetting("wait_for_all", twoNode);
        List<Node> nodes = buildNodes(port);
        Optional<QuorumDevice> device = quorumDevice(nodes);
        int expectedVotes = intSetting("expected_votes", Math.max(1, nodes.size() + (device.isPresent() ? 1 : 0)),
                1, 65535);
        if (twoNode && device.isPresent()) {
            problem(settingLines.get("two_node"), "two_node and qdevice exclude each other: the quorum device is the"
                    + " tie-breaker; set two_node = 0");
        }
        if (rawNodes.isEmpty()) {
            problem(0, "there are no nodes; add a line 'node NAME addr=ADDRESS nodeid=N' per node");
        }
        if (twoNode && nodes.size() != 2) {
            problem(settingLines.get("two_node"), "two_node is set but there are " + nodes.size()
                    + " nodes; two_node is for a cluster of exactly 2 nodes: remove it or the extra nodes");
        }
        if (twoNode && expectedVotes != 2) {
            problem(settingLines.getOrDefault("expected_votes", settingLines.get("two_node")),
                    "two_node needs expected_votes = 2 (it is " + expectedVotes + "); remove expected_votes");
        }
        Path keyFile = Path.of(settings.getOrDefault("keyfile", ClusterConfig.DEFAULT_KEY_FILE.toString()));
        return new ClusterConfig(clusterName, nodes, port, Duration.ofMillis(tokenMs), twoNode, waitForAll,
                expectedVotes, keyFile, device);
    }

    /** {@code qdevice = HOST[:PORT]} and {@code qdevice_tie_breaker = lowest|highest|NODEID}. */
    private Optional<QuorumDevice> quorumDevice(List<Node> nodes) {
        String address = settings.get("qdevice");
        String tie = settings.getOrDefault("qdevice_tie_breaker", "lowest").toLowerCase(Locale.ROOT);
        if (address == null) {
            if (settings.containsKey("qdevice_tie_breaker")) {
                problem(settingLines.get("qdevice_tie_breaker"), "qdevice_tie_breaker is set but there is no qdevice;"
                        + " add 'qdevice = HOST' or remove it");
            }
            return Optional.empty();
        }
        int line = settingLines.get("qdevice");
        String host = address;
        int port = QuorumDevice.DEFAULT_PORT;
        int colon = address.lastIndexOf(':');
        if (colon > 0 && address.indexOf(':') == colon) {
            host = address.substring(0, colon);
            Long p = parseLong(address.substring(colon + 1));
            if (p == null || p < 1 || p > 65535) {
                problem(line, "qdevice = " + address + ": the port is not a number from 1 to 65535; write HOST or HOST:PORT");
            } else {
                port = p.intValue();
            }
        }
        if (!tie.equals("lowest") && !tie.equals("highest")) {
            Long id = parseLong(tie);
            if (id == null || nodes.stream().noneMatch(n -> n.nodeId() == id)) {
                problem(settingLines.get("qdevice_tie_breaker"), "qdevice_tie_breaker = " + tie
                        + " is not lowest, highest or the nodeid of a node of this cluster");
                tie = "lowest";
            }
        }
        return Optional.of(new QuorumDevice(host, port, tie));
    }

    private List<Node> buildNodes(int clusterPort) {
        List<Node> nodes = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<Integer, Integer> ids = new HashMap<>();
        Map<String, Integer> endpoints = new HashMap<>();
        for (RawNode raw : rawNodes) {
            String where = "node " + raw.name() + ": ";
            if (!NAME.matcher(raw.name()).matches()) {
                problem(raw.line(), where + "not a valid node name; use letters, digits, '.', '_' and '-' (at most 63)");
            }
            String addr = raw.keys().get("addr");
            if (addr == null) {
                problem(raw.line(), where + "'addr' is missing; add addr=ADDRESS (the IP address it listens on)");
            }
            int nodeId = nodeInt(raw, "nodeid", -1, 1, Integer.MAX_VALUE);
            if (!raw.keys().containsKey("nodeid")) {
                problem(raw.line(), where + "'nodeid' is missing; add nodeid=N (a number from 1, unique in the cluster)");
            }
            int port = nodeInt(raw, "port", clusterPort, 1, 65535);
            duplicate(names, raw.name(), raw.line(), where + "the name is already used on line ");
            if (nodeId > 0) {
                duplicate(ids, nodeId, raw.line(), where + "nodeid " + nodeId + " is already used on line ");
            }
            if (addr != null) {
                duplicate(endpoints, addr + ":" + port, raw.line(),
                        where + "address " + addr + " port " + port + " is already used on line ");
                nodes.add(new Node(raw.name(), nodeId, addr, port));
            }
        }
        return nodes;
    }

    private <K> void duplicate(Map<K, Integer> seen, K key, int line, String message) {
        Integer first = seen.putIfAbsent(key, line);
        if (first != null) {
            problem(line, message + first + "; each node needs its own");
        }
    }

    private int nodeInt(RawNode raw, String key, int dflt, long min, long max) {
        String value = raw.keys().get(key);
        if (value == null) {
            return dflt;
        }
        Long n = parseLong(value);
        if (n == null || n < min || n > max) {
            problem(raw.line(), "node " + raw.name() + ": " + key + "=" + value + " is not a number from "
                    + min + " to " + max);
            return dflt;
        }
        return n.intValue();
    }

    private int intSetting(String key, int dflt, long min, long max) {
        String value = settings.get(key);
        if (value == null) {
            return dflt;
        }
        Long n = parseLong(value.endsWith("ms") && key.equals("token") ? value.substring(0, value.length() - 2) : value);
        if (n == null || n < min || n > max) {
            String unit = key.equals("token") ? " (milliseconds)" : "";
            problem(settingLines.get(key), key + " = " + value + " is not a number from " + min + " to " + max + unit);
            return dflt;
        }
        return n.intValue();
    }

    private boolean boolSetting(String key, boolean dflt) {
        String value = settings.get(key);
        if (value == null) {
            return dflt;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "1": case "yes": case "true": case "on":
                return true;
            case "0": case "no": case "false": case "off":
                return false;
            default:
                problem(settingLines.get(key), key + " = " + value + " is not a boolean; write 0 or 1");
                return dflt;
        }
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void problem(int line, String message) {
        problems.add(new Problem(line, message));
    }

    /** " (did you mean 'token'?)" when a known word is within two edits of {@code word}. */
    private static String suggestion(String word, List<String> known) {
        for (String k : known) {
            if (distance(word, k) <= 2) {
                return " (did you mean '" + k + "'?)";
            }
        }
        return "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
