package pacer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pacer.controller.FencingOutcome;
import pacer.controller.FencingOutcome.Verdict;
import pacer.fencing.FenceAction;

/**
 * {@code POST /ops/fence} of the control API, with the controller's answer played by the test:
 * the request reaches the controller with the right action, each verdict becomes its status and
 * text, and a fencing still under way does not hold the API (another request is served meanwhile).
 */
class ControlApiFenceTest {
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final CompletableFuture<FencingOutcome> pending = new CompletableFuture<>();
    private FencingOutcome answer;
    private ControlApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    private ControlApi start() throws Exception {
        api = new ControlApi(0, null, null, (node, action) -> {
            asked.add(node + " " + action.word());
            return node.equals("slow") ? pending : CompletableFuture.completedFuture(answer);
        });
        api.start();
        return api;
    }

    @AfterEach void stop() { if (api != null) api.close(); }

    private HttpResponse<String> post(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/ops/fence?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test void fencedNodeIsAnsweredWithPcsText() throws Exception {
        start();
        answer = new FencingOutcome("n2", FenceAction.OFF, Verdict.FENCED, "fence_n2", "n2 is off");
        HttpResponse<String> r = post("node=n2&action=off");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Node: n2 fenced\n");
        assertThat(asked).containsExactly("n2 off");
    }

    @Test void everyRefusalHasItsStatusAndReason() throws Exception {
        start();
        for (Verdict v : List.of(Verdict.UNKNOWN_NODE, Verdict.NO_DEVICE, Verdict.FAILED, Verdict.NO_DC)) {
            answer = new FencingOutcome("n2", FenceAction.REBOOT, v, "", "reason " + v);
            HttpResponse<String> r = post("node=n2");
            assertThat(r.statusCode()).as(v.name()).isEqualTo(switch (v) {
                case UNKNOWN_NODE -> 404;
                case NO_DEVICE -> 409;
                case FAILED -> 502;
                default -> 503;
            });
            assertThat(r.body()).isEqualTo("reason " + v + "\n");
        }
        assertThat(asked).containsOnly("n2 reboot");
    }

    @Test void aFencingUnderWayDoesNotHoldTheApi() throws Exception {
        start();
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + api.port() + "/ops/fence?node=slow")).POST(HttpRequest.BodyPublishers
                .noBody()).build(), HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await().until(() -> asked.contains("slow reboot"));
        answer = new FencingOutcome("n3", FenceAction.REBOOT, Verdict.FENCED, "d", "");
        assertThat(post("node=n3").body()).isEqualTo("Node: n3 fenced\n");
        assertThat(slow).isNotDone();
        pending.complete(new FencingOutcome("slow", FenceAction.REBOOT, Verdict.FAILED, "d", "agent said: timed out"));
        assertThat(slow.get().statusCode()).isEqualTo(502);
        assertThat(slow.get().body()).contains("agent said: timed out");
    }

    @Test void aRequestWithoutNodeIsABadRequest() throws Exception {
        start();
        assertThat(post("action=off").statusCode()).isEqualTo(400);
        assertThat(post("node=n2&action=on").statusCode()).isEqualTo(400);
        assertThat(asked).isEmpty();
    }
}
