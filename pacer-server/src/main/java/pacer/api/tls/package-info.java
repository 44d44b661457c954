/**
 * The API's TLS material: a self-signed certificate made on first start with the JDK's
 * {@code keytool} (no internal JDK APIs), or a configured PKCS#12 keystore, and the TLS 1.2+
 * server parameters.
 */
package pacer.api.tls;
