package pacer.qdevice;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One message of the witness protocol: {@code TYPE key=value ... [mac=HEX]}, values URL-encoded,
 * one line. Immutable.
 *
 * @param type HELLO, JOIN, VOTE, ANSWER, ERROR or STATUS
 * @param fields the keys in the order written, {@code mac} excluded
 */
record QdeviceLine(String type, Map<String, String> fields) {
    /** The longest line either side accepts. */
    static final int MAX_LENGTH = 8192;

    QdeviceLine {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static QdeviceLine of(String type, String... keyValues) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            f.put(keyValues[i], keyValues[i + 1]);
        }
        return new QdeviceLine(type, f);
    }

    String get(String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException(type + " without '" + key + "'");
        }
        return v;
    }

    Optional<String> opt(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    long getLong(String key) {
        try {
            return Long.parseLong(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(type + ": '" + key + "' is not a number");
        }
    }

    /** The line without a MAC (HELLO, ERROR, STATUS). */
    String format() {
        StringBuilder b = new StringBuilder(type);
        fields.forEach((k, v) -> b.append(' ').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    /** The line with its MAC for this session and direction ({@code c} node to witness, {@code s} back). */
    String sealed(byte[] key, String session, char direction) {
        String body = format();
        return body + " mac=" + mac(key, session, direction, body);
    }

    static QdeviceLine parse(String line) {
        if (line.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("line longer than " + MAX_LENGTH + " characters");
        }
        String[] words = line.strip().split(" ");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException("empty line");
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("cannot read '" + words[i] + "'");
            }
            f.put(words[i].substring(0, eq), URLDecoder.decode(words[i].substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new QdeviceLine(words[0], f);
    }

    /**
     * Parses a sealed line and checks its MAC.
     *
     * @throws IllegalArgumentException if it is malformed or the MAC does not match (wrong key or forged)
     */
    static QdeviceLine open(String line, byte[] key, String session, char direction) {
        int at = line.lastIndexOf(" mac=");
        if (at < 0) {
            throw new IllegalArgumentException("message without a MAC");
        }
        String body = line.substring(0, at);
        byte[] expected = mac(key, session, direction, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = line.substring(at + 5).strip().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new IllegalArgumentException("bad MAC: the witness key differs (not the same cluster key?) or the"
                    + " message was altered");
        }
        return parse(body);
    }

    private static String mac(byte[] key, String session, char direction, String body) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            m.update((session + "\n" + direction + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(m.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
