package pacer.cli.pcs;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pacer.cib.Cib;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.Suggest;
import pacer.cli.cluster.ControlClient;
import pacer.cli.cluster.ControlUnreachableException;
import picocli.CommandLine.Command;

/**
 * {@code pcs quorum status}: the votequorum state of the running cluster, from the local pacerd
 * ({@code GET /membership} and the CIB's nodes), in corosync-quorumtool's text. It needs the live
 * cluster; with {@code -f} it says so.
 */
@Command(name = "quorum", mixinStandardHelpOptions = true,
        description = {"Show quorum, as 'pcs quorum status' does (live only, through the local pacerd).",
            "Commands: status."})
final class QuorumCommand extends PcsCommandBase {
    private static final List<String> COMMANDS = List.of("status");

    private final Supplier<ControlClient> control;

    /** @param control the local pacerd's control API client (tests point it at their own server) */
    QuorumCommand(AgentMetadataSource agents, InstantSource clock, Supplier<ControlClient> control) {
        super(agents, clock);
        this.control = control;
    }

    @Override List<String> usage() {
        return List.of("status");
    }

    @Override int run(List<String> w, PcsArgs args, PcsSession s) {
        String what = w.isEmpty() ? "config" : w.get(0);
        if (!what.equals("status")) {
            if (what.equals("config")) {
                throw new PcsFailure("'pcs quorum config' is not supported yet (the quorum options are in the cluster"
                        + " configuration file); use 'pcs quorum status'");
            }
            throw new PcsUsageException("unknown command 'quorum " + what + "'" + Suggest.didYouMean(what, COMMANDS));
        }
        PcsMode.requireLive(args, spec, "quorum status", "reads the quorum of the running cluster");
        ControlClient client = control.get();
        String body;
        try {
            ControlClient.Response r = client.get("/membership");
            if (r.status() != 200) throw new PcsFailure("pacerd refused to give the membership: " + r.body().strip());
            body = r.body();
        } catch (ControlUnreachableException e) {
            throw new PcsFailure(e.getMessage());
        }
        Cib cib = new LiveCib(client).read();
        Map<String, String> nodes = new LinkedHashMap<>();
        cib.xml().child("configuration").flatMap(c -> c.child("nodes"))
                .ifPresent(ns -> ns.children("node").forEach(n -> nodes.put(n.attr("uname", n.id()), n.attr("id", "?"))));
        return s.print(QuorumText.render(QuorumText.parse(body), nodes, s.now()));
    }
}
