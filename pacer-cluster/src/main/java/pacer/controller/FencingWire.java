package pacer.controller;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;
import pacer.cib.xml.XmlWriter;
import pacer.executor.ExecutorWire;
import pacer.fencing.FenceAction;

/**
 * The fencing request and its answer on the bus, between controllers: the control header
 * ({@link ExecutorWire#HEADER}, which executors ignore for these elements) and one XML element,
 * {@code <fence-request id origin target action/>} (any node to the DC) or
 * {@code <fence-reply id target action verdict device detail/>} (the DC back). Pure functions.
 */
final class FencingWire {
    private FencingWire() {}

    static byte[] encode(FencingRequest r) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("id", r.id());
        a.put("origin", r.origin());
        a.put("target", r.target());
        a.put("action", r.action().word());
        return bytes(XmlElement.of("fence-request", a, List.of()));
    }

    static byte[] encode(String id, FencingOutcome o) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("target", o.target());
        a.put("action", o.action().word());
        a.put("verdict", o.verdict().name());
        a.put("device", o.device());
        a.put("detail", o.detail());
        return bytes(XmlElement.of("fence-reply", a, List.of()));
    }

    /** The request in {@code payload}, if it is one. Throws for a malformed control message. */
    static Optional<FencingRequest> request(byte[] payload) {
        XmlElement e = parse(payload);
        if (!e.name().equals("fence-request")) return Optional.empty();
        return Optional.of(new FencingRequest(e.attr("id"), e.attr("origin"), e.attr("target"), action(e.attr("action"))));
    }

    /** The request id and the answer in {@code payload}, if it is one. Throws for a malformed control message. */
    static Optional<Map.Entry<String, FencingOutcome>> reply(byte[] payload) {
        XmlElement e = parse(payload);
        if (!e.name().equals("fence-reply")) return Optional.empty();
        return Optional.of(Map.entry(e.attr("id"), new FencingOutcome(e.attr("target"), action(e.attr("action")),
                FencingOutcome.Verdict.valueOf(e.attr("verdict")), e.attr("device", ""), e.attr("detail", ""))));
    }

    private static FenceAction action(String word) {
        for (FenceAction a : FenceAction.values()) if (a.word().equals(word)) return a;
        throw new IllegalArgumentException("unknown fence action '" + word + "'");
    }

    private static XmlElement parse(byte[] payload) {
        int skip = ExecutorWire.HEADER.getBytes(StandardCharsets.UTF_8).length;
        return XmlReader.parse(new String(payload, skip, payload.length - skip, StandardCharsets.UTF_8), "control message");
    }

    private static byte[] bytes(XmlElement e) {
        return (ExecutorWire.HEADER + XmlWriter.write(e)).getBytes(StandardCharsets.UTF_8);
    }
}
