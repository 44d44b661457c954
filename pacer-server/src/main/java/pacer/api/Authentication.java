package pacer.api;

import java.util.Optional;
import java.util.function.Predicate;
import pacer.api.auth.TokenStore;

/**
 * Lets a request through only with a valid token in {@code Authorization: Bearer TOKEN}, except
 * on public routes ({@code POST /auth}). Missing, unknown (forged) and expired tokens are all
 * answered 401 with the one fix: run {@code pacer host auth NODE} again.
 */
final class Authentication implements Interceptor {
    private static final String BEARER = "Bearer ";
    private final TokenStore tokens;
    private final Predicate<ApiRequest> isPublic;
    private final String nodeName;

    Authentication(TokenStore tokens, Predicate<ApiRequest> isPublic, String nodeName) {
        this.tokens = tokens;
        this.isPublic = isPublic;
        this.nodeName = nodeName;
    }

    @Override
    public ApiResponse intercept(Chain chain) throws Exception {
        ApiRequest request = chain.request();
        if (isPublic.test(request)) {
            return chain.proceed(request);
        }
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || !header.get().startsWith(BEARER)) {
            throw new ApiException(401, "NO_TOKEN", request.action() + " needs a token and the request carried none;"
                    + " run 'pacer host auth " + nodeName + "' to get one");
        }
        Optional<String> user = tokens.userFor(header.get().substring(BEARER.length()).strip());
        if (user.isEmpty()) {
            throw new ApiException(401, "BAD_TOKEN", "the token is not valid on " + nodeName
                    + " (unknown, expired, or issued before pacerd's state was reset); run 'pacer host auth "
                    + nodeName + "' again");
        }
        return chain.proceed(request.withPrincipal(user.get()));
    }
}
