package pacer.scheduler.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operation digest Pacemaker's controller records with each operation ({@code op-digest}):
 * MD5 of {@code " <parameters name="value" .../>"} plus a newline, names sorted. Computed here
 * independently of the scheduler, so that a scenario's history says what ran, not what Pacer
 * would compute.
 */
final class Digests {
    private Digests() {}

    static String of(Map<String, String> parameters) {
        StringBuilder b = new StringBuilder(" <parameters");
        new TreeMap<>(parameters).forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        b.append("/>\n");
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
