package pacer.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The on-disk format of {@code cib.xml} and its backups: one header line that carries the SHA-256
 * and the length of the XML that follows, then the XML itself (UTF-8):
 *
 * <pre>{@code
 * <!-- pacer-cib sha256=3f0a...e1 bytes=1234 -->
 * <cib admin_epoch="0" epoch="7" num_updates="0" ...>
 * }</pre>
 *
 * <p>The header is an XML comment, so the file is still a well-formed CIB that Pacemaker's tools
 * and an editor read. Why a header rather than Pacemaker's {@code cib.xml.sig} sidecar: one file is
 * replaced by one atomic rename, so there is no moment where a crash leaves the XML and its
 * signature from different writes. A truncated file fails the length check, a changed byte the
 * digest. Stateless.
 */
final class SignedCibFile {
    private static final Pattern HEADER = Pattern.compile("<!-- pacer-cib sha256=([0-9a-f]{64}) bytes=(\\d+) -->");

    private SignedCibFile() {}

    static byte[] encode(String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("<!-- pacer-cib sha256=" + sha256(body) + " bytes=" + body.length + " -->\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    /** Returns the XML text after checking the header; throws with the reason when it does not match. */
    static String decode(byte[] content) throws CorruptCibFileException {
        int newline = indexOf(content, (byte) '\n');
        if (newline < 0) throw new CorruptCibFileException("no checksum header (the file is empty or truncated)");
        Matcher m = HEADER.matcher(new String(content, 0, newline, StandardCharsets.UTF_8));
        if (!m.matches()) throw new CorruptCibFileException("the first line is not a pacer-cib checksum header");
        byte[] body = Arrays.copyOfRange(content, newline + 1, content.length);
        long expected = Long.parseLong(m.group(2));
        if (body.length != expected) {
            throw new CorruptCibFileException("truncated or extended: " + body.length + " bytes of XML, the header says " + expected);
        }
        String digest = sha256(body);
        if (!digest.equals(m.group(1))) {
            throw new CorruptCibFileException("checksum mismatch: sha256 " + digest + ", the header says " + m.group(1));
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) return i;
        }
        return -1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
