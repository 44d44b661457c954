package pacer.api.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's key and certificate, as a PKCS#12 keystore with its password in a file beside it.
 * {@link #selfSigned} makes them on first start with the JDK's own {@code keytool} binary
 * (an EC P-256 key, ten years, the host name and loopback as subject alternative names) and
 * keeps them in the state directory (both files mode 0600); {@link #load} takes a configured
 * keystore. Clients pin the certificate's SHA-256 fingerprint on first use.
 */
public final class ServerCertificate {
    private static final Logger log = LoggerFactory.getLogger(ServerCertificate.class);
    private static final String ALIAS = "pacer";

    private final KeyStore keyStore;
    private final char[] password;
    private final String fingerprint;

    private ServerCertificate(KeyStore keyStore, char[] password) throws GeneralSecurityException {
        this.keyStore = keyStore;
        this.password = password.clone();
        String alias = keyStore.aliases().nextElement();
        Certificate cert = keyStore.getCertificate(alias);
        if (cert == null) throw new GeneralSecurityException("the keystore entry '" + alias + "' has no certificate");
        this.fingerprint = fingerprint(cert.getEncoded());
    }

    /**
     * The certificate in {@code stateDir/api-cert.p12}, made first if it does not exist.
     *
     * @param hostName the name to put in the certificate
     */
    public static ServerCertificate selfSigned(Path stateDir, String hostName) throws IOException, GeneralSecurityException {
        Path store = stateDir.resolve("api-cert.p12");
        Path pass = stateDir.resolve("api-cert.pass");
        if (!Files.exists(store) || !Files.exists(pass)) {
            generate(store, pass, hostName);
        }
        return load(store, pass);
    }

    /** A configured PKCS#12 keystore whose password is the first line of {@code passwordFile}. */
    public static ServerCertificate load(Path keystore, Path passwordFile) throws IOException, GeneralSecurityException {
        char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        return new ServerCertificate(ks, password);
    }

    /** A TLS context serving this certificate. */
    public SSLContext sslContext() throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** SHA-256 of the DER certificate, as upper-case hex pairs joined by ':'. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The fingerprint format clients store in known-hosts. */
    public static String fingerprint(byte[] der) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void generate(Path store, Path pass, String hostName) throws IOException {
        Files.createDirectories(store.toAbsolutePath().getParent());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String name = hostName.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?") ? hostName : "localhost";
        String san = "SAN=dns:" + name + ",dns:localhost,ip:127.0.0.1";
        ProcessBuilder pb = new ProcessBuilder(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650",
                "-dname", "CN=" + name + ", O=Pacer", "-ext", san, "-keystore", tmp.toString(),
                "-storetype", "PKCS12", "-storepass:env", "PACER_KS_PASS", "-keypass:env", "PACER_KS_PASS");
        pb.environment().put("PACER_KS_PASS", password);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool could not make the API certificate: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made the API certificate", e);
        }
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Path passTmp = Files.createTempFile(pass.toAbsolutePath().getParent(), ".api-cert", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(passTmp, List.of(password), StandardCharsets.UTF_8);
        Files.move(passTmp, pass, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Made a self-signed certificate for the HTTPS API in {} (CN={})", store, name);
    }
}
