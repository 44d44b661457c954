package pacer.api;

import java.util.List;

/**
 * The chain for one request: a position in the interceptor list. Each {@link #proceed} makes
 * the chain for the next position, so the list is shared and never changed.
 */
final class RealChain implements Interceptor.Chain {
    private final List<Interceptor> interceptors;
    private final int index;
    private final ApiRequest request;
    private int calls;

    RealChain(List<Interceptor> interceptors, int index, ApiRequest request) {
        this.interceptors = interceptors;
        this.index = index;
        this.request = request;
    }

    @Override
    public ApiRequest request() {
        return request;
    }

    @Override
    public ApiResponse proceed(ApiRequest next) throws Exception {
        if (index >= interceptors.size()) {
            throw new IllegalStateException("the last interceptor (" + interceptors.get(index - 1).getClass().getSimpleName()
                    + ") must answer the request, not call proceed()");
        }
        if (index > 0 && ++calls > 1) {
            throw new IllegalStateException("interceptor " + interceptors.get(index - 1).getClass().getSimpleName()
                    + " must call proceed() at most once");
        }
        return interceptors.get(index).intercept(new RealChain(interceptors, index + 1, next));
    }
}
