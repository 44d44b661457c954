package pacer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RealChainTest {
    private static final ApiRequest REQUEST = new ApiRequest("GET", "/x", Map.of(), new byte[0], "127.0.0.1", "");
    private static final Interceptor ANSWER = chain -> ApiResponse.text(200, "text/plain", "ok");

    @Test
    @DisplayName("Layers run in order and the last one answers")
    void order() throws Exception {
        StringBuilder seen = new StringBuilder();
        Interceptor a = chain -> {
            seen.append('a');
            return chain.proceed(chain.request().withPrincipal("alice"));
        };
        Interceptor b = chain -> {
            seen.append(chain.request().principal());
            return chain.proceed(chain.request());
        };
        ApiResponse r = new RealChain(List.of(a, b, ANSWER), 0, REQUEST).proceed(REQUEST);
        assertThat(r.bodyText()).isEqualTo("ok");
        assertThat(seen).hasToString("aalice");
    }

    @Test
    @DisplayName("An interceptor calling proceed() twice is named")
    void proceedTwice() {
        Interceptor twice = chain -> {
            chain.proceed(chain.request());
            return chain.proceed(chain.request());
        };
        assertThatThrownBy(() -> new RealChain(List.<Interceptor>of(twice, ANSWER), 0, REQUEST).proceed(REQUEST))
                .hasMessageContaining("must call proceed() at most once");
    }
}
