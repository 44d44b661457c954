package pacer.cli.cluster;

import java.io.IOException;
import java.net.ConnectException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
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
        return send("GET", path, null, Duration.ofSeconds(10));
    }

    public Response post(String path, String body) throws ControlUnreachableException {
        return post(path, body, Duration.ofSeconds(40));
    }

    /** A POST that may take long (fencing: pacerd answers only once the DC has). */
    public Response post(String path, String body, Duration timeout) throws ControlUnreachableException {
        return send("POST", path, body, timeout);
    }

    /**
     * One request over {@link HttpURLConnection}: it starts in a few milliseconds, where the JDK's
     * {@code java.net.http.HttpClient} cost about 450 ms of start-up (its selector thread and
     * classes) in every short-lived pcs command.
     */
    private Response send(String method, String path, String body, Duration timeout) throws ControlUnreachableException {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create("http://" + address + path).toURL().openConnection(Proxy.NO_PROXY);
            c.setRequestMethod(method);
            c.setConnectTimeout(3000);
            c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            c.setUseCaches(false);
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(bytes.length);
                c.setRequestProperty("Content-Type", "text/plain; charset=utf-8");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(status, text);
        } catch (ConnectException e) {
            throw new ControlUnreachableException("cannot reach pacerd's control API at " + address
                    + ": connection refused. Is pacerd running on this node (systemctl status pacerd, or"
                    + " bin/pacerd)? Is it using another --control-port (set PACER_CONTROL=127.0.0.1:PORT)?");
        } catch (java.net.SocketTimeoutException e) {
            throw new ControlUnreachableException("pacerd's control API at " + address + " did not answer within "
                    + timeout.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            throw new ControlUnreachableException("cannot talk to pacerd's control API at " + address + ": " + e.getMessage());
        } finally {
            if (c != null) c.disconnect();
        }
    }
}
