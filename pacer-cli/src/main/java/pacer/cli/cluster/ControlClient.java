package pacer.cli.cluster;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Talks to a local pacerd's control API (loopback HTTP). Errors name the address and what to
 * check, never a stack trace.
 */
public final class ControlClient {
    /** The default control API address; {@code --control} or {@code PACER_CONTROL} change it. */
    public static final String DEFAULT = "127.0.0.1:2225";

    private final String address;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    public ControlClient(String address) {
        this.address = address == null || address.isBlank()
                ? System.getenv().getOrDefault("PACER_CONTROL", DEFAULT) : address;
        if (!this.address.startsWith("127.") && !this.address.startsWith("localhost") && !this.address.startsWith("[::1]")) {
            throw new IllegalArgumentException("the control API listens on loopback only; use 127.0.0.1:PORT, not "
                    + this.address);
        }
    }

    /** The response's status and body. */
    public record Response(int status, String body) {}

    public Response get(String path) throws ControlUnreachableException {
        return send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(10)).build());
    }

    public Response post(String path, String body) throws ControlUnreachableException {
        return post(path, body, Duration.ofSeconds(40));
    }

    /** A POST that may take long (fencing: pacerd answers only once the DC has). */
    public Response post(String path, String body, Duration timeout) throws ControlUnreachableException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private URI uri(String path) { return URI.create("http://" + address + path); }

    private Response send(HttpRequest request) throws ControlUnreachableException {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (ConnectException e) {
            throw new ControlUnreachableException("cannot reach pacerd's control API at " + address
                    + ": connection refused. Is pacerd running on this node (systemctl status pacerd, or"
                    + " bin/pacerd)? Is it using another --control-port (set PACER_CONTROL=127.0.0.1:PORT)?");
        } catch (IOException e) {
            throw new ControlUnreachableException("cannot talk to pacerd's control API at " + address + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlUnreachableException("interrupted while waiting for pacerd at " + address);
        }
    }
}
