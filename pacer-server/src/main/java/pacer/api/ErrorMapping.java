package pacer.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost layer: every failure becomes a JSON error body. An {@link ApiException} keeps its
 * status, code and message; anything else is a bug, logged with its stack trace and answered
 * 500 with the exception's name only (no internals to the client).
 */
final class ErrorMapping implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    private final Json json;

    ErrorMapping(Json json) {
        this.json = json;
    }

    @Override
    public ApiResponse intercept(Chain chain) {
        try {
            return chain.proceed(chain.request());
        } catch (ApiException e) {
            return toResponse(json, e);
        } catch (Exception e) {
            log.error("{} from {} failed", chain.request().action(), chain.request().source(), e);
            return toResponse(json, new ApiException(500, "INTERNAL", "internal error in pacerd (a bug; see pacerd.log): "
                    + e.getClass().getSimpleName()));
        }
    }

    /** The JSON error response for {@code e}, with {@code Retry-After} when it names one. */
    static ApiResponse toResponse(Json json, ApiException e) {
        ObjectNode body = json.object().put("error", e.getMessage()).put("code", e.code());
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
            body.putPOJO(d.getKey(), d.getValue());
        }
        ApiResponse response = json.response(e.status(), body).withAudit(new ApiResponse.Audit("", "", e.code()));
        Object retry = e.details().get("retry_after_seconds");
        return retry == null ? response : response.withHeader("Retry-After", retry.toString());
    }
}
