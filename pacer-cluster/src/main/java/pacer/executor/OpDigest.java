package pacer.executor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code op-digest} Pacemaker records with an operation and the scheduler recomputes to
 * notice a changed definition: MD5 of {@code  <parameters name="value" .../>} and a newline,
 * names sorted, values XML-escaped, without {@code id}, {@code crm_feature_set} and
 * {@code CRM_meta_*}. The same computation as the scheduler's {@code DigestCheck}; pure.
 */
public final class OpDigest {
    private OpDigest() {}

    public static String of(Map<String, String> params) {
        Map<String, String> p = new TreeMap<>(params);
        p.remove("id");
        p.remove("crm_feature_set");
        p.keySet().removeIf(k -> k.startsWith("CRM_meta_"));
        StringBuilder b = new StringBuilder(" <parameters");
        p.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
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
