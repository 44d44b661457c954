package pacer.cli.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One authorized node of a {@code cluster node add|remove}, with the client pinned to its
 * certificate and its token; {@link #ask} turns "could not ask" and "refused" into one message.
 */
record NodeCall(String name, ApiClient api, String token) {
    /** The node's answer when it did it, else its refusal or why it could not be asked. */
    record Answer(Optional<JsonNode> body, String problem, String code) {
        boolean ok() {
            return body.isPresent();
        }

        String message(String dflt) {
            return body.map(b -> b.path("message").asText(dflt)).orElse(dflt);
        }
    }

    static NodeCall of(String name, KnownHosts known, HostOptions options) {
        KnownHosts.Entry e = known.get(name).orElseThrow(() -> new IllegalArgumentException(name
                + ": not authorized here; run 'pacer host auth " + name + "' first (tokens are kept in "
                + known.path() + ")"));
        return new NodeCall(name, options.client(name, e), e.token());
    }

    Answer post(String path, JsonNode body) {
        try {
            return answer(api.post(path, token, body));
        } catch (NodeException e) {
            return new Answer(Optional.empty(), e.getMessage(), e.code());
        }
    }

    Answer get(String path) {
        try {
            return answer(api.get(path, token));
        } catch (NodeException e) {
            return new Answer(Optional.empty(), e.getMessage(), e.code());
        }
    }

    private static Answer answer(ApiClient.Reply r) {
        return r.ok() ? new Answer(Optional.of(r.body() == null ? com.fasterxml.jackson.databind.node.NullNode.instance
                : r.body()), "", "") : new Answer(Optional.empty(), r.error(), r.code());
    }
}
