package pacer.cli.pcs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import pacer.cib.edit.AgentMetadata;
import pacer.cib.edit.AgentMetadataParser;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.AgentName;
import pacer.cib.edit.StaticAgentMetadataSource;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;
import pacer.cli.FailureHandler;
import pacer.cli.PacerCommand;
import pacer.cli.SimulateCommand;
import picocli.CommandLine;

/**
 * Runs {@code pacer}/{@code pcs} in-process as {@link PacerCommand#commandLine} wires it, but
 * with a fixed table of agents (IPaddr2, apache, Dummy) and a fixed clock.
 */
final class PcsCli {
    static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    private PcsCli() {}

    static Run run(String... args) {
        return runWith(agents(), args);
    }

    /** The same run with another table of agents. */
    static Run runWith(AgentMetadataSource agents, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FailureHandler failures = new FailureHandler(false);
        InstantSource clock = InstantSource.fixed(NOW);
        CommandLine root = new CommandLine(new PacerCommand())
                .addSubcommand("simulate", new SimulateCommand(new ByteArrayInputStream(new byte[0]), clock));
        PcsCommands.install(root, agents, clock).setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures).setExitCodeExceptionMapper(failures);
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        int code = root.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static AgentMetadataSource agents() {
        List<AgentMetadata> list = new ArrayList<>();
        list.add(load(AgentName.of("ocf", "heartbeat", "IPaddr2"), "ocf_heartbeat_IPaddr2.xml"));
        list.add(load(AgentName.of("ocf", "heartbeat", "apache"), "ocf_heartbeat_apache.xml"));
        list.add(load(AgentName.of("ocf", "pacemaker", "Dummy"), "ocf_pacemaker_Dummy.xml"));
        return new StaticAgentMetadataSource(list);
    }

    private static AgentMetadata load(AgentName name, String file) {
        return AgentMetadataParser.parse(name, resource("agents/" + file));
    }

    static String resource(String name) {
        try (InputStream in = PcsCli.class.getResourceAsStream("/pcs/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource /pcs/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XML with attributes sorted and white space dropped, to compare trees written in any order. */
    static String canonical(String xml) {
        return canonical(XmlReader.parse(xml, "compared"));
    }

    private static String canonical(XmlElement e) {
        StringBuilder b = new StringBuilder("<").append(e.name());
        new TreeMap<>(e.attributes()).forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        b.append(">\n");
        if (!e.text().isEmpty()) b.append(e.text()).append('\n');
        e.children().forEach(c -> b.append(canonical(c)));
        return b.append("</").append(e.name()).append(">\n").toString();
    }
}
