package pacer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * JSON in and out of the API, over one Jackson mapper per server. Request bodies are read as
 * trees and checked field by field, so a mistake is answered with the field's name.
 */
public final class Json {
    /** The content type of every JSON response. */
    public static final String TYPE = "application/json";
    private final ObjectMapper mapper = new ObjectMapper();

    /** A new, empty JSON object to fill in. */
    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    /** A JSON response with {@code status}. */
    public ApiResponse response(int status, JsonNode body) {
        try {
            return new ApiResponse(status, TYPE, mapper.writeValueAsBytes(body), Map.of(), ApiResponse.Audit.NONE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree: " + e.getMessage(), e);
        }
    }

    /** The request body as a JSON object; 400 naming the problem otherwise. */
    public ObjectNode body(ApiRequest request) throws ApiException {
        if (request.body().length == 0) {
            throw ApiException.badRequest(request.action() + " needs a JSON object as its body");
        }
        try {
            JsonNode node = mapper.readTree(request.body());
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw ApiException.badRequest(request.action() + " needs a JSON object as its body, not " + node.getNodeType());
        } catch (IOException e) {
            throw ApiException.badRequest("the body of " + request.action() + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A text field that must be present and non-empty. */
    public static String text(ObjectNode body, String field) throws ApiException {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw ApiException.badRequest("the field '" + field + "' is missing or not a non-empty string");
        }
        return value.asText();
    }

    /** A text field under either of two names (the second is pcsd's spelling). */
    public static String text(ObjectNode body, String field, String alias) throws ApiException {
        return body.hasNonNull(field) || !body.hasNonNull(alias) ? text(body, field) : text(body, alias);
    }

    /** A boolean field, {@code false} when absent. */
    public static boolean flag(ObjectNode body, String field) throws ApiException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return false;
        if (!value.isBoolean()) throw ApiException.badRequest("the field '" + field + "' must be true or false");
        return value.asBoolean();
    }
}
