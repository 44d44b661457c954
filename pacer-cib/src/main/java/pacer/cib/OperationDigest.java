package pacer.cib;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operation digests Pacemaker records in {@code lrm_rsc_op} ({@code op-digest},
 * {@code op-restart-digest}, {@code op-secure-digest}): MD5 of {@code  <parameters name="value" .../>}
 * and a newline, names sorted, values XML-escaped. The executor records them; the scheduler
 * recomputes them to notice a changed definition. Pure.
 */
public final class OperationDigest {
    private OperationDigest() {}

    /** The digest of exactly these parameters. */
    public static String of(Map<String, String> params) {
        StringBuilder b = new StringBuilder(" <parameters");
        new TreeMap<>(params).forEach((k, v) -> b.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        b.append("/>\n");
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte x : d) hex.append(String.format("%02x", x));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** The main digest of an operation's parameters: without {@code id}, {@code crm_feature_set}, {@code CRM_meta_*}. */
    public static String ofOperation(Map<String, String> params) {
        Map<String, String> p = new TreeMap<>(params);
        p.remove("id");
        p.remove("crm_feature_set");
        p.keySet().removeIf(k -> k.startsWith("CRM_meta_"));
        return of(p);
    }

    private static String escape(String v) {
        StringBuilder out = new StringBuilder();
        for (char c : v.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 32 || c == 127) out.append(String.format("&#x%02X;", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }
}
