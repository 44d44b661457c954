package pacer.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * One API response: status, content type, body, extra headers, and what the audit log should
 * record about it.
 *
 * @param headers extra response headers (e.g. {@code Retry-After})
 * @param audit what the handler wants the audit log to say (the object touched, the user a
 *     login was for, the outcome in words); {@link Audit#NONE} when the request path says enough
 */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers, Audit audit) {
    public ApiResponse {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
        headers = Map.copyOf(headers);
        Objects.requireNonNull(audit, "audit");
    }

    /**
     * The audit fields a handler may fill in.
     *
     * @param user the user a login attempt was for ("" to use the request's principal)
     * @param object what was changed ("" to use the request path)
     * @param outcome the result in words ("" for the status code alone)
     */
    public record Audit(String user, String object, String outcome) {
        public static final Audit NONE = new Audit("", "", "");
    }

    /** A plain-text response. */
    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), Audit.NONE);
    }

    /** This response with a different audit note. */
    public ApiResponse withAudit(Audit note) {
        return new ApiResponse(status, contentType, body, headers, note);
    }

    /** This response with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, more, audit);
    }

    /** The body as UTF-8 text (for logs and tests). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
