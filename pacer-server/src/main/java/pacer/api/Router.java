package pacer.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The route table and the last layer of the chain: finds the handler for a method and path and
 * calls it. Unknown paths are 404, a known path with another method 405. Built once by
 * {@link ApiServer}; its list of routes is the table of contents of the API.
 */
final class Router implements Interceptor {
    /** Handles one route's requests. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    /** One route; {@code open} routes skip authentication. */
    record Route(String method, String path, boolean open, Handler handler) {
        Route {
            Objects.requireNonNull(handler, "handler");
        }
    }

    private final Map<String, List<Route>> byPath = new LinkedHashMap<>();

    Router add(String method, String path, Handler handler) {
        return add(new Route(method, path, false, handler));
    }

    Router addOpen(String method, String path, Handler handler) {
        return add(new Route(method, path, true, handler));
    }

    private Router add(Route route) {
        byPath.computeIfAbsent(route.path(), p -> new ArrayList<>()).add(route);
        return this;
    }

    /** Whether the request goes to an open route (no token needed). */
    boolean isOpen(ApiRequest request) {
        return byPath.getOrDefault(request.path(), List.of()).stream()
                .anyMatch(r -> r.open() && r.method().equals(request.method()));
    }

    @Override
    public ApiResponse intercept(Chain chain) throws Exception {
        ApiRequest request = chain.request();
        List<Route> routes = byPath.get(request.path());
        if (routes == null) {
            throw new ApiException(404, "NOT_FOUND", "no such endpoint: " + request.path() + " (see docs/api.md)");
        }
        for (Route r : routes) {
            if (r.method().equals(request.method())) {
                return r.handler().handle(request);
            }
        }
        throw new ApiException(405, "METHOD_NOT_ALLOWED", request.path() + " takes "
                + String.join(" or ", routes.stream().map(Route::method).toList()) + ", not " + request.method());
    }
}
