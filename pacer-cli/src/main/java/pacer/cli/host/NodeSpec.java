package pacer.cli.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A node named on the command line, as pcs takes them: {@code n1 [addr=ADDRESS[:PORT]]}, the
 * address belonging to the name before it. IPv6 addresses with a port go in brackets.
 *
 * @param addr the address given, or empty
 * @param port the port given, or 0
 */
record NodeSpec(String name, Optional<String> addr, int port) {
    /** Reads names and their {@code addr=} words; a misplaced or malformed word is a usage error. */
    static List<NodeSpec> parse(List<String> words, CommandSpec spec) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith("addr=")) {
                if (nodes.isEmpty() || nodes.get(nodes.size() - 1).addr().isPresent()) {
                    throw new ParameterException(spec.commandLine(), "'" + w + "' must follow the node name it belongs to,"
                            + " once: NODE addr=ADDRESS");
                }
                NodeSpec last = nodes.remove(nodes.size() - 1);
                nodes.add(withAddress(last.name(), w.substring(5), spec));
            } else if (w.contains("=") || w.startsWith("-")) {
                throw new ParameterException(spec.commandLine(), "unknown option or setting '" + w + "'");
            } else {
                if (nodes.stream().anyMatch(n -> n.name().equals(w))) {
                    throw new ParameterException(spec.commandLine(), "node '" + w + "' is given twice");
                }
                nodes.add(new NodeSpec(w, Optional.empty(), 0));
            }
        }
        return nodes;
    }

    private static NodeSpec withAddress(String name, String value, CommandSpec spec) {
        String host = value;
        String port = "";
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            host = close < 0 ? value : value.substring(1, close);
            port = close >= 0 && value.startsWith(":", close + 1) ? value.substring(close + 2) : "";
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = value.substring(value.indexOf(':') + 1);
        }
        int p = 0;
        if (!port.isEmpty()) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw new ParameterException(spec.commandLine(), "addr=" + value + ": the port must be a number from 1 to 65535");
            }
        }
        if (host.isEmpty()) throw new ParameterException(spec.commandLine(), "addr= needs an address");
        return new NodeSpec(name, Optional.of(host), p);
    }
}
