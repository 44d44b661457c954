package pacer.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One API request as the chain sees it, independent of the HTTP server.
 *
 * @param method the HTTP method, upper case
 * @param path the request path without the query
 * @param headers header names in lower case
 * @param body the request body (empty when none)
 * @param source the client's IP address, for throttling and the audit log
 * @param principal the authenticated user, or "" before authentication or on public routes
 */
public record ApiRequest(String method, String path, Map<String, List<String>> headers, byte[] body,
                         String source, String principal) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        body = body.clone();
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(principal, "principal");
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The user the authentication step accepted, if any. */
    public Optional<String> user() {
        return principal.isEmpty() ? Optional.empty() : Optional.of(principal);
    }

    /** This request, authenticated as {@code user}. */
    public ApiRequest withPrincipal(String user) {
        return new ApiRequest(method, path, headers, body, source, user);
    }

    /** "POST /cluster/setup-node": how the audit log names the action. */
    public String action() {
        return method + " " + path;
    }
}
