package pacer.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import pacer.api.auth.Authenticator;
import pacer.api.auth.LoginThrottle;
import pacer.api.auth.TokenStore;

/**
 * {@code POST /auth} (pcsd's {@code /remote/auth}): a user name and password in, a token out.
 * The order of checks matters: the throttle first (a closed door refuses even the right
 * password, so guessing gains nothing), then the password, then the group. Every attempt is
 * audited with the user it was for. {@code GET /auth} tells a client whether its token is still
 * good (pcsd's {@code check_auth}).
 */
final class AuthEndpoint {
    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final TokenStore tokens;
    private final Json json;
    private final String nodeName;

    AuthEndpoint(Authenticator authenticator, LoginThrottle throttle, TokenStore tokens, Json json, String nodeName) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.tokens = tokens;
        this.json = json;
        this.nodeName = nodeName;
    }

    ApiResponse login(ApiRequest request) throws ApiException {
        ObjectNode body = json.body(request);
        String user = Json.text(body, "user", "username");
        char[] password = Json.text(body, "password").toCharArray();
        try {
            Optional<Duration> closed = throttle.closedFor(user, request.source());
            if (closed.isPresent()) {
                long seconds = Math.max(1, (closed.get().toMillis() + 999) / 1000);
                return refuse(user, "throttled", new ApiException(429, "THROTTLED", "too many failed logins for user '"
                        + user + "' from " + request.source() + " on " + nodeName + "; try again in " + seconds + " s",
                        Map.of("user", user, "retry_after_seconds", seconds)));
            }
            Authenticator.Outcome outcome = authenticator.authenticate(user, password, request.source());
            return switch (outcome) {
                case GRANTED -> grant(user, request.source());
                case BAD_CREDENTIALS -> {
                    throttle.failure(user, request.source());
                    yield refuse(user, "denied: wrong user or password", new ApiException(401, "BAD_CREDENTIALS",
                            "wrong password for user '" + user + "' on " + nodeName + " (or no such user); set it on "
                                    + nodeName + " with '" + authenticator.passwordCommand(user) + "'", details(user)));
                }
                case NOT_IN_GROUP -> refuse(user, "denied: not in group " + Authenticator.REQUIRED_GROUP,
                        new ApiException(403, "NOT_IN_GROUP", "user '" + user + "' is not in group '"
                                + Authenticator.REQUIRED_GROUP + "' on " + nodeName + "; add it there with "
                                + groupCommand(user), details(user)));
            };
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    ApiResponse check(ApiRequest request) {
        return json.response(200, json.object().put("user", request.principal()).put("node", nodeName));
    }

    private ApiResponse grant(String user, String source) {
        String token = tokens.issue(user);
        throttle.success(user, source);
        ObjectNode body = json.object().put("token", token).put("user", user).put("node", nodeName)
                .put("expires", tokens.expiryOfNew().toString()).put("auth_mode", authenticator.mode());
        return json.response(200, body).withAudit(new ApiResponse.Audit(user, "token", "granted"));
    }

    private ApiResponse refuse(String user, String outcome, ApiException e) {
        return ErrorMapping.toResponse(json, e).withAudit(new ApiResponse.Audit(user, "token", outcome));
    }

    private Map<String, Object> details(String user) {
        return Map.of("user", user, "auth_mode", authenticator.mode(),
                "password_command", authenticator.passwordCommand(user), "required_group", Authenticator.REQUIRED_GROUP);
    }

    private String groupCommand(String user) {
        return authenticator.mode().equals("pam") ? "'usermod -aG " + Authenticator.REQUIRED_GROUP + " " + user + "'"
                : "'" + authenticator.passwordCommand(user) + " --group " + Authenticator.REQUIRED_GROUP + "'";
    }
}
