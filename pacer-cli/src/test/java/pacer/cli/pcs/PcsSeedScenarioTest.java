package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.scheduler.simulate.SimulationResult;
import pacer.scheduler.simulate.Simulator;

/**
 * The seed's steps 6-8 (SCENARIO.md), typed exactly as the walkthrough types them, in pcs 0.10+
 * and in 0.9 spelling, against a CIB file: the result must be the hand-written golden CIB (pcs's
 * ids), and the scheduler must start both resources on the same node.
 */
class PcsSeedScenarioTest {
    private static final String[] VIP = {"resource", "create", "Cluster_VIP", "ocf:heartbeat:IPaddr2", "nic=eth1",
        "ip=192.168.33.99", "cidr_netmask=24", "op", "monitor", "interval=20s"};
    private static final String[] WEB = {"resource", "create", "WebServer", "ocf:heartbeat:apache",
        "configfile=/etc/apache2/apache2.conf", "statusurl=http://127.0.0.1/server-status", "op", "monitor", "interval=20s"};

    @TempDir
    Path dir;

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("pcs 0.10+: colocation add WebServer with Cluster_VIP INFINITY",
                        List.of("constraint", "colocation", "add", "WebServer", "with", "Cluster_VIP", "INFINITY"), true),
                Arguments.of("pcs 0.9: colocation add WebServer Cluster_VIP INFINITY",
                        List.of("constraint", "colocation", "add", "WebServer", "Cluster_VIP", "INFINITY"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    @DisplayName("the seed's commands give the golden CIB, and both resources start on one node")
    void seedCommands(String name, List<String> colocation, boolean fileFirst) throws IOException {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, PcsCli.resource("seed-base.xml"));
        List<String[]> steps = List.of(
                new String[] {"property", "set", "stonith-enabled=false"},
                new String[] {"property", "set", "no-quorum-policy=ignore"},
                VIP, WEB, colocation.toArray(String[]::new));
        for (String[] step : steps) {
            PcsCli.Run run = PcsCli.run(withFile(file, step, fileFirst));
            assertThat(run.exitCode()).as("%s: %s", String.join(" ", step), run.err()).isZero();
        }
        assertThat(PcsCli.canonical(Files.readString(file))).isEqualTo(PcsCli.canonical(PcsCli.resource("seed-golden.xml")));

        Cib cib = CibParser.parse(Files.readString(file), file.toString());
        assertThat(cib.reports()).isEmpty();
        SimulationResult result = Simulator.simulate(cib, PcsCli.NOW, false);
        Map<String, String> where = startedOn(result.revisedStatus());
        assertThat(where).containsOnlyKeys("Cluster_VIP", "WebServer");
        assertThat(where.get("WebServer")).isEqualTo(where.get("Cluster_VIP")).isIn("n1", "n2");
        assertThat(result.transitionSummary()).anyMatch(l -> l.contains("Start") && l.contains("Cluster_VIP"))
                .anyMatch(l -> l.contains("Start") && l.contains("WebServer"));
    }

    /** pcs style puts -f anywhere; pacer style puts it before the command group. */
    static String[] withFile(Path file, String[] step, boolean fileFirst) {
        List<String> args = new ArrayList<>();
        if (fileFirst) args.addAll(List.of("-f", file.toString()));
        args.addAll(List.of(step));
        if (!fileFirst) args.addAll(List.of("-f", file.toString()));
        return args.toArray(String[]::new);
    }

    /** "* Cluster_VIP\t(ocf:heartbeat:IPaddr2):\t Started n1" lines, as resource -> node. */
    static Map<String, String> startedOn(List<String> status) {
        Pattern p = Pattern.compile("\\* (\\S+)\\s+\\([^)]*\\):\\s+Started (\\S+)");
        Map<String, String> out = new TreeMap<>();
        for (String line : status) {
            Matcher m = p.matcher(line.trim());
            if (m.find()) out.put(m.group(1), m.group(2));
        }
        return out;
    }
}
