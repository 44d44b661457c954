package pacer.cli.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pacer host auth n1 n2 [-u hacluster] [-p PASSWORD]} (also {@code pacer cluster auth},
 * pcs 0.9's spelling): logs in to each node's API, pins its certificate on first use and keeps
 * the token it issues in the known-hosts file. Prints {@code n1: Authorized} per node; a failure
 * says which user, where its password is set, and which host and port did not answer.
 */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = {"Authenticate to the nodes' pacerd (HTTPS, port 2224) and keep their tokens.",
            "The user (default hacluster) must have a password on every node (passwd hacluster, or"
                    + " 'pacer host password' where pacerd uses its own password file) and be in group haclient."})
final class HostAuthCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin HostOptions options;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", defaultValue = "hacluster",
            description = "The user to log in as (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
            description = "The password; asked for (without echo) when not given.")
    String password;

    @Parameters(arity = "1..*", paramLabel = "NODE [addr=ADDRESS[:PORT]]", description = "The nodes, each optionally"
            + " with the address and port of its API (default: the node name, port 2224).")
    List<String> words;

    private final PasswordPrompt prompt;

    HostAuthCommand(PasswordPrompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public Integer call() throws IOException {
        List<NodeSpec> nodes = NodeSpec.parse(words, spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KnownHosts known = options.load();
        char[] secret = password != null ? password.toCharArray() : prompt.read("Password for " + user + ": ");
        int failures = 0;
        try {
            for (NodeSpec node : nodes) {
                Optional<String> problem = authorize(node, known, secret);
                if (problem.isEmpty()) {
                    out.println(node.name() + ": Authorized");
                } else {
                    err.println("Error: " + node.name() + ": " + problem.get());
                    failures++;
                }
                out.flush();
                err.flush();
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (failures < nodes.size()) known.save();
        return failures == 0 ? 0 : 1;
    }

    /** Logs in to one node; empty on success, else what went wrong. */
    private Optional<String> authorize(NodeSpec node, KnownHosts known, char[] secret) {
        Optional<KnownHosts.Entry> old = known.get(node.name());
        String addr = node.addr().orElse(old.map(KnownHosts.Entry::addr).orElse(node.name()));
        int port = node.port() > 0 ? node.port()
                : node.addr().isEmpty() && old.isPresent() ? old.get().port() : HostOptions.DEFAULT_PORT;
        String pin = old.map(KnownHosts.Entry::fingerprint).orElse("");
        ApiClient api = new ApiClient(node.name(), addr, port, pin, options.timeout(), options.json());
        ObjectNode body = options.json().createObjectNode().put("user", user).put("password", new String(secret));
        try {
            ApiClient.Reply reply = api.post("/auth", null, body);
            if (reply.ok() && reply.body() != null && reply.body().hasNonNull("token")) {
                known.put(node.name(), new KnownHosts.Entry(addr, port, reply.body().get("token").asText(), api.fingerprint()));
                return Optional.empty();
            }
            return Optional.of(loginFailure(node.name(), api.where(), reply));
        } catch (NodeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private String loginFailure(String host, String where, ApiClient.Reply reply) {
        String mode = reply.body() == null ? "" : reply.body().path("auth_mode").asText("");
        String how = mode.equals("file") ? "pacerd on " + host + " checks its own password file; set it there with"
                + " 'pacer host password " + user + "'"
                : "set it on " + host + " with 'passwd " + user + "' (or 'pacer host password " + user
                        + "' if pacerd there uses its password file)";
        return switch (reply.code()) {
            case "BAD_CREDENTIALS" -> "Unable to authenticate user '" + user + "' on " + host + " (" + where
                    + "): wrong password, or no such user. " + capitalize(how) + "; the user must also be in group"
                    + " 'haclient' there";
            case "NOT_IN_GROUP" -> "Unable to authenticate user '" + user + "' on " + host + ": " + reply.error();
            case "THROTTLED" -> reply.error();
            default -> "Unable to authenticate to " + host + " (" + where + "): " + reply.error();
        };
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
