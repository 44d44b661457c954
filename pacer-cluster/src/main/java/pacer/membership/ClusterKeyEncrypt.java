package pacer.membership;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.jgroups.Address;
import org.jgroups.Message;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.EncryptHeader;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JGroups' {@code SYM_ENCRYPT} with the cluster key and an authenticated cipher (AES-256-GCM with
 * a random 96-bit nonce per message) instead of the stock unauthenticated AES-CBC. It sits right
 * above the transport with {@code SERIALIZE} on top of it, so every message, headers included, is
 * one GCM ciphertext: a message from a node without the key (discovery, heartbeats, join requests,
 * merge probes) fails authentication and is dropped before any protocol sees it. So a node with
 * another key can neither join nor disturb the cluster, and both sides log why.
 *
 * <p>Thread safety: JGroups calls it from many threads; ciphers come from the superclass's pools,
 * and the only state of its own is the per-sender log throttle, a concurrent map.
 */
@SuppressWarnings("unchecked") // SYM_ENCRYPT's own generic override, inherited as is
final class ClusterKeyEncrypt extends SYM_ENCRYPT {
    private static final Logger logger = LoggerFactory.getLogger(ClusterKeyEncrypt.class);
    private static final int TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int MAX_THROTTLED_SENDERS = 1024;

    private final String node;
    private final String keyHint;
    /** Sender → nanoTime of the last rejection logged for it. */
    private final Map<Address, Long> lastLogged = new ConcurrentHashMap<>();

    /**
     * @param node this node's name, for log lines
     * @param keyHint where the key comes from, for the advice in log lines (e.g. its path)
     */
    ClusterKeyEncrypt(ClusterKey key, String node, String keyHint) {
        // Reuse SYM_ENCRYPT's registered protocol id: it identifies our EncryptHeader on the wire.
        setId(ClassConfigurator.getProtocolId(SYM_ENCRYPT.class));
        symAlgorithm("AES/GCM/NoPadding");
        symIvLength(NONCE_BYTES);
        setSecretKey(key.aesKey());
        this.node = node;
        this.keyHint = keyHint;
    }

    @Override
    protected Message decrypt(Cipher cipher, Message msg) throws Exception {
        EncryptHeader hdr = msg.getHeader(id);
        if (!Arrays.equals(hdr.version(), symVersion())) {
            reject(msg.src(), "cluster key mismatch");
            return null;
        }
        if (!msg.hasPayload() || hdr.iv() == null || hdr.iv().length != NONCE_BYTES) {
            reject(msg.src(), "message is not sealed with the cluster key");
            return null;
        }
        try {
            return _decrypt(cipher, secretKey(), msg, hdr);
        } catch (AEADBadTagException e) {
            reject(msg.src(), "cluster key mismatch (message failed authentication)");
            return null;
        }
    }

    @Override
    protected Message _decrypt(Cipher cipher, Key key, Message msg, EncryptHeader hdr) throws Exception {
        byte[] plain;
        if (cipher == null) {
            plain = code(msg.getArray(), msg.getOffset(), msg.getLength(), hdr.iv(), true);
        } else {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, hdr.iv()));
            plain = cipher.doFinal(msg.getArray(), msg.getOffset(), msg.getLength());
        }
        return hdr.needsDeserialization()
                ? Util.messageFromBuffer(plain, 0, plain.length)
                : msg.setArray(plain, 0, plain.length);
    }

    @Override
    protected byte[] code(byte[] buf, int offset, int length, byte[] iv, boolean decode) throws Exception {
        BlockingQueue<Cipher> pool = decode ? decoding_ciphers : encoding_ciphers;
        Cipher cipher = pool.take();
        try {
            cipher.init(decode ? Cipher.DECRYPT_MODE : Cipher.ENCRYPT_MODE, secret_key, new GCMParameterSpec(TAG_BITS, iv));
            return cipher.doFinal(buf, offset, length);
        } finally {
            pool.offer(cipher);
        }
    }

    private void reject(Address sender, String why) {
        long now = System.nanoTime();
        Long last = lastLogged.get(sender);
        if (last != null && now - last < LOG_EVERY_NANOS) {
            return;
        }
        if (lastLogged.size() >= MAX_THROTTLED_SENDERS) {
            lastLogged.clear();
        }
        lastLogged.put(sender, now);
        logger.atWarn().addKeyValue("node", node)
                .log("Rejected message from {}: {}; every node needs the same cluster key ({})",
                        senderName(sender), why, keyHint);
    }

    /** The sender's node name from its address, as {@link JGroupsBus} stamps it, else the address. */
    static String senderName(Address sender) {
        if (sender instanceof ExtendedUUID) {
            byte[] name = ((ExtendedUUID) sender).get(AddressBook.NODE_NAME_KEY);
            if (name != null) {
                return new String(name, StandardCharsets.UTF_8);
            }
        }
        return String.valueOf(sender);
    }
}
