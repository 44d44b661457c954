package pacer.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import pacer.cib.xml.XmlReader;
import pacer.cib.xml.XmlSyntaxException;
import pacer.cib.xml.XmlWriter;
import pacer.controller.FencingOutcome;
import pacer.fencing.FenceAction;
import pacer.membership.ClusterBus;
import pacer.membership.Member;
import pacer.membership.Membership;
import pacer.store.CibOperation;
import pacer.store.ReplicatedCib;
import pacer.store.WriteResult;

/**
 * The local control API: plain HTTP bound to the loopback address only, for {@code pacer cluster
 * cib} / {@code cib-push} and tests. (The HTTPS management API with authentication, pcsd's job,
 * comes later and will replace it for anything remote.)
 *
 * <ul>
 *   <li>{@code GET /cib}: this node's copy of the CIB, as XML;</li>
 *   <li>{@code POST /cib}: replace the CIB with the body (its version must be newer); 200 with
 *       the new version, 409 with the reasons when refused, 400 for malformed XML;
 *       {@code POST /cib?scope=configuration} replaces only the configuration and keeps the live
 *       status (what configuration edits must use, so no operation result is lost);</li>
 *   <li>{@code GET /membership}: the membership as {@code key: value} lines;</li>
 *   <li>{@code POST /ops/cleanup?resource=ID&node=NAME}: forget failures and history (re-probe).</li>
 *   <li>{@code POST /ops/fence?node=NAME&action=reboot|off}: ask the DC to fence the node
 *       ({@code pcs stonith fence}); 200 {@code Node: NAME fenced}, else the reason: 404 unknown
 *       node, 409 no fence device, 502 fencing failed (the agent's words), 503 no DC or no answer.</li>
 * </ul>
 *
 * <p>Requests are served one at a time on the API's own thread. A fencing request does not hold
 * it: the handler returns at once and the answer is written, on the same thread, when the DC's
 * outcome arrives.
 */
final class ControlApi implements AutoCloseable {
    static final int DEFAULT_PORT = 2225;
    private static final long WRITE_TIMEOUT_SECONDS = 30;

    private final ReplicatedCib cib;
    private final ClusterBus bus;
    private final BiFunction<String, FenceAction, CompletableFuture<FencingOutcome>> fencing;
    private final HttpServer server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "pacer-control-api"));

    /** @param fencing asks the cluster to fence a node ({@code Controller::requestFencing}) */
    ControlApi(int port, ReplicatedCib cib, ClusterBus bus,
               BiFunction<String, FenceAction, CompletableFuture<FencingOutcome>> fencing) throws IOException {
        // Small request/response exchanges: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.cib = cib;
        this.bus = bus;
        this.fencing = fencing;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/cib", this::cib);
        server.createContext("/membership", this::membership);
        server.createContext("/ops/cleanup", this::cleanup);
        server.createContext("/ops/fence", this::fence);
        server.setExecutor(thread);
    }

    void start() { server.start(); }

    int port() { return server.getAddress().getPort(); }

    private void cib(HttpExchange ex) throws IOException {
        switch (ex.getRequestMethod()) {
            case "GET" -> reply(ex, 200, "application/xml", XmlWriter.write(cib.read().xml()));
            case "POST" -> push(ex);
            default -> reply(ex, 405, "text/plain", "use GET or POST\n");
        }
    }

    private void push(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            boolean configOnly = "scope=configuration".equals(ex.getRequestURI().getQuery());
            var pushed = XmlReader.parse(body, "pushed CIB");
            WriteResult result = cib.write(configOnly ? CibOperation.replaceConfiguration(pushed) : CibOperation.replace(pushed))
                    .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (result.accepted()) reply(ex, 200, "text/plain", "CIB updated: version " + result.version() + "\n");
            else reply(ex, 409, "text/plain", String.join("\n", result.reasons()) + "\n");
        } catch (XmlSyntaxException e) {
            reply(ex, 400, "text/plain", e.getMessage() + "\n");
        } catch (java.util.concurrent.TimeoutException e) {
            reply(ex, 504, "text/plain", "the DC did not answer within " + WRITE_TIMEOUT_SECONDS
                    + " s; check `pacer cluster membership` for a DC and quorum\n");
        } catch (Exception e) {
            reply(ex, 500, "text/plain", "the write failed: " + e + "\n");
        }
    }

    /**
     * {@code POST /ops/cleanup?resource=ID&node=NAME} (both optional): forget failures and operation
     * history, so the resource is probed again; without a resource, every resource with history.
     */
    private void cleanup(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            reply(ex, 405, "text/plain", "use POST\n");
            return;
        }
        java.util.Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        java.util.Optional<String> node = java.util.Optional.ofNullable(q.get("node"));
        java.util.List<String> resources = q.containsKey("resource") ? java.util.List.of(q.get("resource"))
                : cib.read().status().nodes().stream().flatMap(n -> n.resources().stream())
                        .map(pacer.cib.LrmResource::id).distinct().toList();
        pacer.controller.ClusterOperations ops = new pacer.controller.ClusterOperations(cib);
        int writes = 0;
        try {
            for (String r : resources) {
                for (WriteResult w : ops.cleanup(r, node).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    if (!w.accepted()) {
                        reply(ex, 409, "text/plain", String.join("\n", w.reasons()) + "\n");
                        return;
                    }
                    writes++;
                }
            }
        } catch (Exception e) {
            reply(ex, 500, "text/plain", "cleanup failed: " + e + "\n");
            return;
        }
        String what = q.containsKey("resource") ? q.get("resource") : "all resources";
        String where = node.map(n -> "on " + n).orElse("on all nodes");
        reply(ex, 200, "text/plain", "Cleaned up " + what + " " + where + (writes == 0 ? " (nothing to clean up)" : "") + "\n");
    }

    /** {@code POST /ops/fence?node=NAME[&action=off]}: answered when the DC's outcome arrives. */
    private void fence(HttpExchange ex) throws IOException {
        java.util.Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String node = q.getOrDefault("node", "");
        String action = q.getOrDefault("action", "reboot");
        if (!ex.getRequestMethod().equals("POST")) {
            reply(ex, 405, "text/plain", "use POST\n");
            return;
        }
        if (node.isEmpty() || !List.of("reboot", "off").contains(action)) {
            reply(ex, 400, "text/plain", "give node=NAME and action=reboot or off\n");
            return;
        }
        CompletableFuture<FencingOutcome> outcome;
        try {
            outcome = fencing.apply(node, action.equals("off") ? FenceAction.OFF : FenceAction.REBOOT);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenCompleteAsync((o, error) -> {
            try {
                if (error != null) reply(ex, 500, "text/plain", "fencing " + node + " failed: " + error + "\n");
                else reply(ex, status(o.verdict()), "text/plain", o.fenced() ? "Node: " + node + " fenced\n"
                        : o.detail() + "\n");
            } catch (IOException e) {
                ex.close(); // the client went away; the fencing itself is done or under way regardless
            }
        }, thread);
    }

    private static int status(FencingOutcome.Verdict verdict) {
        return switch (verdict) {
            case FENCED -> 200;
            case UNKNOWN_NODE -> 404;
            case NO_DEVICE -> 409;
            case FAILED -> 502;
            case NO_DC -> 503;
        };
    }

    private static java.util.Map<String, String> query(String raw) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) continue;
            out.put(java.net.URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private void membership(HttpExchange ex) throws IOException {
        Membership m = bus.membership();
        String text = "node: " + bus.self().name() + "\n"
                + "view: " + m.viewId() + "\n"
                + "members: " + m.members().stream().map(Member::name).collect(Collectors.joining(" ")) + "\n"
                + "quorate: " + m.quorate() + "\n"
                + "dc: " + m.dc().map(Member::name).orElse("") + "\n"
                + "cib-version: " + cib.read().version() + "\n"
                + "expected-votes: " + bus.expectedVotes() + "\n"
                + bus.quorumDeviceState().map(d -> "quorum-device: " + d + "\n").orElse("");
        reply(ex, 200, "text/plain", text);
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
