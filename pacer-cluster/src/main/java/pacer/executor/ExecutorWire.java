package pacer.executor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;
import pacer.cib.xml.XmlWriter;

/**
 * The controller-executor messages on the bus: a header line {@code pacer-ctl/1} (so the CIB
 * protocol, which has its own header, ignores them) and one XML element: {@code <execute>} (DC to
 * executor), {@code <result>} (executor to DC), {@code <history-query id>} (a new DC to every
 * executor) and {@code <history node query>} holding {@code <result>}s and {@code <in-flight key>}s
 * (the answer, {@link ExecutorHistory}). Pure functions.
 */
public final class ExecutorWire {
    public static final String HEADER = "pacer-ctl/1\n";
    private static final byte[] MAGIC = HEADER.getBytes(StandardCharsets.UTF_8);

    private ExecutorWire() {}

    public static boolean isControlMessage(byte[] payload) {
        if (payload.length < MAGIC.length) return false;
        for (int i = 0; i < MAGIC.length; i++) if (payload[i] != MAGIC[i]) return false;
        return true;
    }

    public static byte[] encode(ExecuteRequest r) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("key", r.transitionKey());
        a.put("rsc", r.resource());
        a.put("agent", r.agent());
        a.put("op", r.operation());
        a.put("interval", Long.toString(r.intervalMs()));
        a.put("timeout", Long.toString(r.timeoutMs()));
        List<XmlElement> children = new ArrayList<>();
        children.add(map("params", r.params()));
        children.add(map("meta", r.meta()));
        return bytes(XmlElement.of("execute", a, children));
    }

    public static byte[] encode(OperationReport r) { return bytes(result(r)); }

    /** A new DC asks every executor for its history; {@code id} names the question. */
    public static byte[] historyQuery(String id) {
        return bytes(XmlElement.of("history-query", Map.of("id", id), List.of()));
    }

    /** The id of the history query in {@code payload}, if it is one. */
    public static Optional<String> historyQuery(byte[] payload) {
        XmlElement e = parse(payload);
        return e.name().equals("history-query") ? Optional.of(e.attr("id", "")) : Optional.empty();
    }

    public static byte[] encode(ExecutorHistory h) {
        List<XmlElement> children = new ArrayList<>();
        h.results().forEach(r -> children.add(result(r)));
        h.inFlight().forEach(k -> children.add(XmlElement.of("in-flight", Map.of("key", k), List.of())));
        return bytes(XmlElement.of("history", Map.of("node", h.node(), "query", h.query()), children));
    }

    /** The history in {@code payload}, if it is one. Throws for a malformed control message. */
    public static Optional<ExecutorHistory> history(byte[] payload) {
        XmlElement e = parse(payload);
        if (!e.name().equals("history")) return Optional.empty();
        return Optional.of(new ExecutorHistory(e.attr("node"), e.attr("query", ""),
                e.children("result").map(ExecutorWire::report).toList(),
                e.children("in-flight").map(k -> k.attr("key")).toList()));
    }

    private static XmlElement result(OperationReport r) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("node", r.node());
        a.put("key", r.transitionKey());
        a.put("rsc", r.resource());
        a.put("agent", r.agent());
        a.put("op", r.operation());
        a.put("interval", Long.toString(r.intervalMs()));
        a.put("call-id", Integer.toString(r.callId()));
        a.put("op-status", Integer.toString(r.opStatus()));
        a.put("rc", Integer.toString(r.rc()));
        a.put("exit-reason", r.exitReason());
        a.put("last-rc-change", Long.toString(r.lastRcChange()));
        a.put("exec-time", Long.toString(r.execTimeMs()));
        a.put("queue-time", Long.toString(r.queueTimeMs()));
        a.put("op-digest", r.opDigest());
        return XmlElement.of("result", a, List.of());
    }

    /** The request in {@code payload}, if it is one. Throws for a malformed control message. */
    public static Optional<ExecuteRequest> request(byte[] payload) {
        XmlElement e = parse(payload);
        if (!e.name().equals("execute")) return Optional.empty();
        return Optional.of(new ExecuteRequest(e.attr("key"), e.attr("rsc"), e.attr("agent"), e.attr("op"),
                Long.parseLong(e.attr("interval")), Long.parseLong(e.attr("timeout")), unmap(e, "params"),
                unmap(e, "meta")));
    }

    /** The report in {@code payload}, if it is one. Throws for a malformed control message. */
    public static Optional<OperationReport> report(byte[] payload) {
        XmlElement e = parse(payload);
        return e.name().equals("result") ? Optional.of(report(e)) : Optional.empty();
    }

    private static OperationReport report(XmlElement e) {
        return new OperationReport(e.attr("node"), e.attr("key"), e.attr("rsc"), e.attr("agent"),
                e.attr("op"), Long.parseLong(e.attr("interval")), Integer.parseInt(e.attr("call-id")),
                Integer.parseInt(e.attr("op-status")), Integer.parseInt(e.attr("rc")), e.attr("exit-reason", ""),
                Long.parseLong(e.attr("last-rc-change")), Long.parseLong(e.attr("exec-time")),
                Long.parseLong(e.attr("queue-time")), e.attr("op-digest", ""));
    }

    private static XmlElement parse(byte[] payload) {
        String text = new String(payload, MAGIC.length, payload.length - MAGIC.length, StandardCharsets.UTF_8);
        return XmlReader.parse(text, "control message");
    }

    private static XmlElement map(String name, Map<String, String> values) {
        List<XmlElement> pairs = new ArrayList<>();
        values.forEach((k, v) -> pairs.add(XmlElement.of("nvpair", Map.of("name", k, "value", v), List.of())));
        return XmlElement.of(name, Map.of(), pairs);
    }

    private static Map<String, String> unmap(XmlElement e, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        e.child(name).ifPresent(c -> c.children("nvpair").forEach(p -> out.put(p.attr("name"), p.attr("value", ""))));
        return out;
    }

    private static byte[] bytes(XmlElement e) {
        return (HEADER + XmlWriter.write(e)).getBytes(StandardCharsets.UTF_8);
    }
}
