package pacer.api;

/**
 * One layer of the request chain (after OkHttp's {@code Interceptor}): it sees the request on
 * its way in and the response on its way out, and may answer by itself without calling
 * {@link Chain#proceed} (authentication refusing a request does that).
 *
 * <p>Contract: an interceptor calls {@code proceed} at most once; {@link RealChain} enforces it
 * and names the culprit.
 */
@FunctionalInterface
public interface Interceptor {
    /** Handles the request, usually by passing it on with {@code chain.proceed(request)}. */
    ApiResponse intercept(Chain chain) throws Exception;

    /** The rest of the chain, as one interceptor sees it. */
    interface Chain {
        /** The request as it reached this interceptor. */
        ApiRequest request();

        /** Passes a (possibly changed) request to the next layer and returns its response. */
        ApiResponse proceed(ApiRequest request) throws Exception;
    }
}
