package pacer.cli.pcs;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import pacer.cib.edit.AgentMetadata;
import pacer.cib.edit.AgentMetadataParser;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.AgentName;
import pacer.cib.edit.StaticAgentMetadataSource;
import pacer.cli.FailureHandler;
import pacer.cli.PacerCommand;
import pacer.cli.SimulateCommand;
import picocli.CommandLine;

/**
 * Runs {@code pacer}/{@code pcs} in-process like {@link PcsCli}, with a fixed agent catalogue
 * too: the three agents of {@link PcsCli} plus a described {@code ocf:test:Web}, an LSB script and
 * the fence agent {@code fence_test}.
 */
final class CatalogCli {
    static final AgentName WEB = AgentName.of("ocf", "test", "Web");
    static final AgentName FENCE = AgentName.of("stonith", null, "fence_test");

    private CatalogCli() {}

    static PcsCli.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FailureHandler failures = new FailureHandler(false);
        InstantSource clock = InstantSource.fixed(PcsCli.NOW);
        CommandLine root = new CommandLine(new PacerCommand())
                .addSubcommand("simulate", new SimulateCommand(new ByteArrayInputStream(new byte[0]), clock));
        PcsCommands.install(root, agents(), catalog(), clock).setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures).setExitCodeExceptionMapper(failures);
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        int code = root.execute(args);
        return new PcsCli.Run(code, out.toString(), err.toString());
    }

    /** The meta-data documents by agent, in catalogue order. */
    static Map<AgentName, String> documents() {
        Map<AgentName, String> docs = new LinkedHashMap<>();
        docs.put(AgentName.of("ocf", "heartbeat", "IPaddr2"), PcsCli.resource("agents/ocf_heartbeat_IPaddr2.xml"));
        docs.put(AgentName.of("ocf", "heartbeat", "apache"), PcsCli.resource("agents/ocf_heartbeat_apache.xml"));
        docs.put(AgentName.of("ocf", "pacemaker", "Dummy"), PcsCli.resource("agents/ocf_pacemaker_Dummy.xml"));
        docs.put(WEB, PcsCli.resource("catalog/ocf_test_Web.xml"));
        docs.put(FENCE, PcsCli.resource("catalog/fence_test.xml"));
        return docs;
    }

    static AgentMetadataSource agents() {
        List<AgentMetadata> list = new ArrayList<>();
        documents().forEach((name, xml) -> list.add(AgentMetadataParser.parse(name, xml)));
        return new StaticAgentMetadataSource(list);
    }

    /** A catalogue over {@link #documents()} and one LSB script, {@code lsb:network}. */
    static AgentCatalog catalog() {
        Map<AgentName, String> docs = documents();
        return new AgentCatalog() {
            @Override public List<String> standards() { return List.of("lsb", "ocf", "service"); }

            @Override public List<String> providers() {
                TreeSet<String> out = new TreeSet<>();
                docs.keySet().forEach(a -> a.provider().ifPresent(out::add));
                return List.copyOf(out);
            }

            @Override public List<AgentName> agents() {
                List<AgentName> out = new ArrayList<>(docs.keySet());
                out.add(out.size() - 1, AgentName.of("lsb", null, "network"));
                return out;
            }

            @Override public Optional<String> metadataXml(AgentName agent) {
                return Optional.ofNullable(docs.get(agent));
            }
        };
    }
}
