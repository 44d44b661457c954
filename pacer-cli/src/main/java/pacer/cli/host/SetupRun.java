package pacer.cli.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a new cluster's configuration and key to every node, all or nothing, in two phases:
 * <ol>
 *   <li>check: every node says whether it can take them (reachable, token valid, not in a
 *       cluster, configuration valid); one "no" and nothing is written anywhere;</li>
 *   <li>write: node by node; if one fails now, the nodes already written are told to undo
 *       exactly that write, so none keeps the new configuration.</li>
 * </ol>
 * A node that fails between a successful check and its write (crash, network) is the one case
 * that can leave a node written with no undo; the report then names it and the file to remove.
 */
final class SetupRun {
    /** A node to set up, with the client pinned to its certificate and its token. */
    record Target(String name, ApiClient api, String token) {}

    private final List<Target> targets;
    private final PrintWriter out;
    private final PrintWriter err;

    SetupRun(List<Target> targets, PrintWriter out, PrintWriter err) {
        this.targets = List.copyOf(targets);
        this.out = out;
        this.err = err;
    }

    /** Runs both phases; true when every node took the configuration. */
    boolean run(ObjectNode request) {
        Map<String, String> refusals = new LinkedHashMap<>();
        for (Target t : targets) {
            ask(t, "/cluster/setup-node", request.deepCopy().put("check_only", true))
                    .ifPresent(problem -> refusals.put(t.name(), problem));
        }
        if (!refusals.isEmpty()) {
            refusals.forEach((node, problem) -> err.println("Error: " + node + ": " + problem));
            err.println("Error: the cluster was not set up; nothing was written on any node."
                    + " Fix the problems above and run the setup again");
            return false;
        }
        List<Target> written = new ArrayList<>();
        for (Target t : targets) {
            Optional<String> problem = ask(t, "/cluster/setup-node", request.deepCopy().put("check_only", false));
            if (problem.isPresent()) {
                err.println("Error: " + t.name() + ": " + problem.get());
                rollBack(written, request);
                return false;
            }
            written.add(t);
            out.println(t.name() + ": Succeeded");
            out.flush();
        }
        return true;
    }

    private void rollBack(List<Target> written, ObjectNode request) {
        if (written.isEmpty()) {
            err.println("Error: the cluster was not set up; no node kept the new configuration");
            return;
        }
        List<String> undone = new ArrayList<>();
        for (Target t : written) {
            Optional<String> problem = ask(t, "/cluster/setup-node/undo", request);
            if (problem.isEmpty()) {
                undone.add(t.name());
            } else {
                err.println("Error: " + t.name() + ": could not remove the new configuration again: " + problem.get()
                        + "; remove /etc/pacer/cluster.conf and /etc/pacer/authkey there by hand");
            }
        }
        if (!undone.isEmpty()) {
            err.println("Error: the cluster was not set up; the new configuration was removed again from "
                    + String.join(", ", undone));
        }
    }

    /** Empty when the node did it, else its refusal or why it could not be asked. */
    private Optional<String> ask(Target t, String path, ObjectNode body) {
        try {
            ApiClient.Reply reply = t.api().post(path, t.token(), body);
            return reply.ok() ? Optional.empty() : Optional.of(reply.error());
        } catch (NodeException e) {
            return Optional.of(e.getMessage());
        }
    }
}
