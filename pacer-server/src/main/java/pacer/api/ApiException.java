package pacer.api;

import java.util.Map;

/**
 * A request that cannot be served, with the HTTP status, a stable machine-readable code and a
 * message for the administrator that says what to do. {@link ErrorMapping} turns it into the
 * JSON error body {@code {"error": message, "code": code, ...details}}.
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    /**
     * @param status the HTTP status
     * @param code a stable code clients may switch on, such as {@code BAD_CREDENTIALS}
     * @param message a sentence for the administrator, naming the fix
     */
    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** @param details extra fields of the JSON error body (strings, numbers, booleans) */
    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public int status() { return status; }

    public String code() { return code; }

    public Map<String, Object> details() { return details; }

    /** 400: the request body is not what the endpoint takes. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }
}
