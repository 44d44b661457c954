package pacer.cli.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * One node's HTTPS API, as the CLI talks to it: JSON over {@link HttpsURLConnection}, trust by
 * certificate pin ({@link PinningTrust}), and every transport failure turned into a
 * {@link NodeException} that says which host and port did not answer and what to check there.
 */
final class ApiClient {
    /** A JSON answer (or {@code null} body when the answer was not JSON). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The API's error message, or the status line when there is none. */
        String error() {
            return body != null && body.hasNonNull("error") ? body.get("error").asText() : "HTTP status " + status;
        }

        String code() {
            return body != null && body.hasNonNull("code") ? body.get("code").asText() : "";
        }
    }

    private final String host;
    private final String addr;
    private final int port;
    private final Duration timeout;
    private final ObjectMapper json;
    private final PinningTrust trust;

    /**
     * @param host the node's name, for messages
     * @param pin the pinned certificate fingerprint, or "" to accept and record any
     */
    ApiClient(String host, String addr, int port, String pin, Duration timeout, ObjectMapper json) {
        this.host = host;
        this.addr = addr;
        this.port = port;
        this.timeout = timeout;
        this.json = json;
        this.trust = new PinningTrust(pin);
    }

    /** The certificate fingerprint the node showed. */
    String fingerprint() {
        return trust.seen();
    }

    String where() {
        return (addr.contains(":") ? "[" + addr + "]" : addr) + ":" + port;
    }

    Reply get(String path, String token) throws NodeException {
        return send("GET", path, token, null);
    }

    Reply post(String path, String token, JsonNode body) throws NodeException {
        return send("POST", path, token, body);
    }

    private Reply send(String method, String path, String token, JsonNode body) throws NodeException {
        try {
            HttpsURLConnection c = (HttpsURLConnection) URI.create("https://" + where() + path).toURL().openConnection();
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            c.setSSLSocketFactory(tls.getSocketFactory());
            c.setHostnameVerifier((name, session) -> true); // the certificate pin is the identity
            c.setConnectTimeout((int) Math.min(timeout.toMillis(), 10_000));
            c.setReadTimeout((int) timeout.toMillis());
            c.setRequestMethod(method);
            c.setRequestProperty("Accept", "application/json");
            if (token != null && !token.isEmpty()) c.setRequestProperty("Authorization", "Bearer " + token);
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = c.getOutputStream()) {
                    json.writeValue(out, body);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
            JsonNode parsed = null;
            try {
                parsed = bytes.length == 0 ? null : json.readTree(bytes);
            } catch (IOException notJson) {
                // leave it null: Reply.error() falls back to the status
            }
            return new Reply(status, parsed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM: " + e.getMessage(), e);
        } catch (IOException e) {
            throw explain(e);
        }
    }

    private NodeException explain(IOException e) {
        String ss = "'ss -ltnp | grep " + port + "' on " + host;
        String firewall = "a firewall on " + host + " must let TCP port " + port + " in (firewall-cmd --add-port="
                + port + "/tcp, or --add-service=high-availability)";
        if (trust.mismatch()) {
            return new NodeException("CERT_CHANGED", "the certificate of " + host + " (" + where() + ") is not the one"
                    + " pinned when it was authorized (it now shows " + trust.seen() + "). If " + host
                    + " was reinstalled or its certificate replaced, run 'pacer host deauth " + host + "' and then"
                    + " 'pacer host auth " + host + "'; otherwise something may be intercepting the connection");
        }
        if (e instanceof UnknownHostException) {
            return new NodeException("UNREACHABLE", "cannot resolve the host name '" + addr + "' of " + host
                    + ": add it to /etc/hosts or DNS, or give its address: 'pacer host auth " + host + " addr=ADDRESS'");
        }
        if (e instanceof ConnectException) {
            return new NodeException("UNREACHABLE", "unable to connect to " + host + " (" + where() + "): "
                    + e.getMessage() + ". Is pacerd running on " + host + " (systemctl status pacerd; " + ss
                    + " shows whether something listens)? Is the port right? And " + firewall);
        }
        if (e instanceof SocketTimeoutException || e instanceof NoRouteToHostException) {
            return new NodeException("UNREACHABLE", "no answer from " + host + " (" + where() + ") within "
                    + timeout.toSeconds() + " s (" + e.getMessage() + "): is the host up (ping " + addr + ")? "
                    + firewall + "; " + ss + " shows whether pacerd listens");
        }
        if (e instanceof SSLException) {
            return new NodeException("TLS", "the TLS handshake with " + host + " (" + where() + ") failed: "
                    + e.getMessage() + ". Is it pacerd's HTTPS API on that port (" + ss + ")?");
        }
        return new NodeException("UNREACHABLE", "cannot talk to " + host + " (" + where() + "): " + e);
    }
}
