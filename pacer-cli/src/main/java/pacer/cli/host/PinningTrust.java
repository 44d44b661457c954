package pacer.cli.host;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a node's certificate by its SHA-256 fingerprint instead of a certificate authority:
 * with no pin it accepts any certificate and remembers its fingerprint (trust on first use);
 * with a pin it accepts only that certificate. Host names are not checked, because the pin is
 * the node's identity (nodes use self-signed certificates and are often reached by address).
 * One instance per connection.
 */
final class PinningTrust extends X509ExtendedTrustManager {
    private final String pinned;
    private volatile String seen = "";

    /** @param pinned the expected fingerprint, or "" to accept and record any */
    PinningTrust(String pinned) {
        this.pinned = pinned;
    }

    /** The fingerprint of the certificate the server showed ("" before a handshake). */
    String seen() {
        return seen;
    }

    /** Whether the server showed a certificate other than the pinned one. */
    boolean mismatch() {
        return !pinned.isEmpty() && !seen.isEmpty() && !seen.equals(pinned);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) throw new CertificateException("the server showed no certificate");
        seen = fingerprint(chain[0].getEncoded());
        if (mismatch()) {
            throw new CertificateException("certificate fingerprint " + seen + " is not the pinned " + pinned);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("pacer does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** SHA-256 of a DER certificate as upper-case hex pairs joined by ':' (as pacerd logs it). */
    static String fingerprint(byte[] der) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
