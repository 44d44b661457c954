package pacer.cli.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the cluster configuration of every member ({@code POST /cluster/config}), all or
 * nothing: {@link #check} asks each whether it would take it (nothing written); {@link #write}
 * writes node by node, each node reloading its running cluster, and if one fails the nodes already
 * written get their old file back (and reload it), so none keeps the new node list.
 */
final class ConfigPush {
    private final ClusterMembers members;
    private final ObjectMapper json;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<NodeCall> written = new ArrayList<>();

    ConfigPush(ClusterMembers members, ObjectMapper json, PrintWriter out, PrintWriter err) {
        this.members = members;
        this.json = json;
        this.out = out;
        this.err = err;
    }

    /** Each refusal as "NODE: why"; empty when every member would take {@code text}. */
    List<String> check(String text) {
        List<String> refusals = new ArrayList<>();
        for (NodeCall n : members.nodes()) {
            NodeCall.Answer a = n.post("/cluster/config", body(text, true));
            if (!a.ok()) refusals.add(n.name() + ": " + a.problem());
        }
        return refusals;
    }

    /** Writes {@code text} everywhere; on a failure undoes the nodes written and returns false. */
    boolean write(String text) {
        out.println("Sending updated cluster.conf to nodes...");
        out.flush();
        List<String> reloaded = new ArrayList<>();
        for (NodeCall n : members.nodes()) {
            NodeCall.Answer a = n.post("/cluster/config", body(text, false));
            if (!a.ok()) {
                err.println("Error: " + n.name() + ": " + a.problem());
                err.flush();
                undo();
                return false;
            }
            written.add(n);
            out.println(n.name() + ": Succeeded");
            reloaded.add(n.name() + ": " + a.message("done"));
        }
        reloaded.forEach(out::println);
        out.flush();
        return true;
    }

    /** Puts every written node's old configuration back; says which could not be restored. */
    void undo() {
        List<String> restored = new ArrayList<>();
        for (NodeCall n : written) {
            NodeCall.Answer a = n.post("/cluster/config", body(members.texts().get(n.name()), false));
            if (a.ok()) {
                restored.add(n.name());
            } else {
                err.println("Error: " + n.name() + ": could not put its old cluster.conf back: " + a.problem()
                        + "; copy it from a node that has it (the node list without the change)");
            }
        }
        if (!restored.isEmpty()) {
            err.println("Error: the old cluster.conf was put back on " + String.join(", ", restored));
        }
        err.flush();
        written.clear();
    }

    private ObjectNode body(String text, boolean checkOnly) {
        return json.createObjectNode().put("config", text).put("key_fingerprint", members.keyFingerprint())
                .put("check_only", checkOnly);
    }
}
