package pacer.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.CibVersion;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;
import pacer.cib.xml.XmlWriter;

/**
 * The messages of the CIB protocol ({@link ReplicatedCib}) and their encoding.
 *
 * <p>Encoding, UTF-8 text: one header line, {@code pacer-cib/1 <kind> key=value …}, then a body
 * that is XML (a {@code <cib>} or a {@code <cib-op>}) or, for a rejection, one reason per line.
 * Header values never contain spaces (ids, node names, versions as {@code 0.7.2}). Text keeps it
 * debuggable with a packet capture; the size is that of the CIB, which is sent whole for now (a
 * Pacemaker-style diff can replace the body of {@link Update} later without changing the protocol).
 */
sealed interface CibMessage {
    String MAGIC = "pacer-cib/1";

    /** The closed family, for exhaustive switches. */
    enum Kind { REQUEST, REPLY, UPDATE, QUERY, VERSION, FETCH, COPY, ADOPT }

    Kind kind();

    /** Member → DC: please apply this write. */
    record Request(long id, CibOperation op) implements CibMessage {
        public Kind kind() { return Kind.REQUEST; }
    }

    /** DC → member: the outcome of request {@code id}. */
    record Reply(long id, WriteResult result) implements CibMessage {
        public Kind kind() { return Kind.REPLY; }
    }

    /** DC → all: the CIB after a write, in version order. */
    record Update(XmlElement cib) implements CibMessage {
        public Kind kind() { return Kind.UPDATE; }
    }

    /** DC → all, after a membership change: which version do you hold? */
    record Query(String round) implements CibMessage {
        public Kind kind() { return Kind.QUERY; }
    }

    /** Member → DC: my version, and whether my copy is trusted. */
    record Version(String round, CibVersion version, boolean trusted) implements CibMessage {
        public Kind kind() { return Kind.VERSION; }
    }

    /** DC → the member holding the winning copy: send it. */
    record Fetch(String round) implements CibMessage {
        public Kind kind() { return Kind.FETCH; }
    }

    /** Member → DC: my copy, the winner of {@code round}. */
    record Copy(String round, XmlElement cib) implements CibMessage {
        public Kind kind() { return Kind.COPY; }
    }

    /** DC → all: everyone takes this copy, which came from {@code origin}. */
    record Adopt(String round, String origin, XmlElement cib) implements CibMessage {
        public Kind kind() { return Kind.ADOPT; }
    }

    static byte[] encode(CibMessage m) {
        Map<String, String> h = new LinkedHashMap<>();
        String body = "";
        switch (m.kind()) {
            case REQUEST -> {
                Request r = (Request) m;
                h.put("id", Long.toString(r.id()));
                body = XmlWriter.write(r.op().toXml());
            }
            case REPLY -> {
                Reply r = (Reply) m;
                h.put("id", Long.toString(r.id()));
                h.put("accepted", Boolean.toString(r.result().accepted()));
                h.put("version", r.result().version().toString());
                body = String.join("\n", r.result().reasons());
            }
            case UPDATE -> body = XmlWriter.write(((Update) m).cib());
            case QUERY -> h.put("round", ((Query) m).round());
            case VERSION -> {
                Version v = (Version) m;
                h.put("round", v.round());
                h.put("version", v.version().toString());
                h.put("trusted", Boolean.toString(v.trusted()));
            }
            case FETCH -> h.put("round", ((Fetch) m).round());
            case COPY -> {
                h.put("round", ((Copy) m).round());
                body = XmlWriter.write(((Copy) m).cib());
            }
            case ADOPT -> {
                Adopt a = (Adopt) m;
                h.put("round", a.round());
                h.put("origin", a.origin());
                body = XmlWriter.write(a.cib());
            }
        }
        StringBuilder out = new StringBuilder(MAGIC).append(' ').append(m.kind().name().toLowerCase());
        h.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
        return out.append('\n').append(body).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException for a payload that is not a CIB protocol message */
    static CibMessage decode(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String[] header = (nl < 0 ? text : text.substring(0, nl)).split(" ");
        String body = nl < 0 ? "" : text.substring(nl + 1);
        if (header.length < 2 || !header[0].equals(MAGIC)) {
            throw new IllegalArgumentException("not a " + MAGIC + " message: " + String.join(" ", header));
        }
        Map<String, String> h = new LinkedHashMap<>();
        for (String kv : Arrays.asList(header).subList(2, header.length)) {
            int eq = kv.indexOf('=');
            if (eq > 0) h.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return switch (Kind.valueOf(header[1].toUpperCase())) {
            case REQUEST -> new Request(Long.parseLong(h.get("id")), CibOperation.fromXml(xml(body)));
            case REPLY -> new Reply(Long.parseLong(h.get("id")), new WriteResult(Boolean.parseBoolean(h.get("accepted")),
                    version(h.get("version")), body.isEmpty() ? List.of() : List.of(body.split("\n"))));
            case UPDATE -> new Update(xml(body));
            case QUERY -> new Query(h.get("round"));
            case VERSION -> new Version(h.get("round"), version(h.get("version")), Boolean.parseBoolean(h.get("trusted")));
            case FETCH -> new Fetch(h.get("round"));
            case COPY -> new Copy(h.get("round"), xml(body));
            case ADOPT -> new Adopt(h.get("round"), h.get("origin"), xml(body));
        };
    }

    private static XmlElement xml(String body) { return XmlReader.parse(body, "CIB message"); }

    /** Parses {@code 0.7.2}. */
    static CibVersion version(String text) {
        String[] p = text.split("\\.");
        if (p.length != 3) throw new IllegalArgumentException("not a CIB version: " + text);
        return new CibVersion(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
    }
}
