package pacer.api.auth;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Reference;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Password checks through the system's PAM stack (libpam, through JNA): {@code pam_start},
 * {@code pam_authenticate}, {@code pam_acct_mgmt}, {@code pam_end}. The conversation answers
 * every echo-off prompt with the password and every echo-on prompt with the user name; the
 * answers are allocated with the C allocator because PAM frees them.
 *
 * <p>Thread-safe: each check has its own PAM handle. Slow on purpose when the PAM stack has a
 * fail delay (Debian's {@code login} service waits about 3 s after a wrong password).
 */
public final class Pam {
    private static final int PAM_SUCCESS = 0;
    private static final int PAM_CONV_ERR = 19;
    private static final int PAM_RHOST = 4;
    private static final int PROMPT_ECHO_OFF = 1;
    private static final int PROMPT_ECHO_ON = 2;

    private final LibPam lib;
    private final String service;

    private Pam(LibPam lib, String service) {
        this.lib = lib;
        this.service = service;
    }

    /**
     * Loads libpam.
     *
     * @throws UnsatisfiedLinkError when the library is not installed
     */
    public static Pam load(String service) {
        LibPam lib;
        try {
            lib = Native.load("pam", LibPam.class);
        } catch (UnsatisfiedLinkError e) {
            lib = Native.load("libpam.so.0", LibPam.class);
        }
        return new Pam(lib, service);
    }

    /** The PAM service name (a file in /etc/pam.d). */
    public String service() {
        return service;
    }

    /** Whether PAM accepts {@code password} for {@code user} and the account is usable. */
    public boolean check(String user, char[] password, String remoteHost) {
        byte[] secret = toBytes(password);
        Conversation conversation = new Conversation(user, secret);
        PamConv conv = new PamConv();
        conv.conv = conversation;
        conv.write();
        PointerByReference handle = new PointerByReference();
        try {
            int rc = lib.pam_start(service, user, conv, handle);
            if (rc != PAM_SUCCESS) {
                throw new IllegalStateException("pam_start(" + service + ") failed with code " + rc);
            }
            Pointer pamh = handle.getValue();
            rc = lib.pam_set_item(pamh, PAM_RHOST, remoteHost);
            if (rc == PAM_SUCCESS) rc = lib.pam_authenticate(pamh, 0);
            if (rc == PAM_SUCCESS) rc = lib.pam_acct_mgmt(pamh, 0);
            lib.pam_end(pamh, rc);
            return rc == PAM_SUCCESS;
        } finally {
            Arrays.fill(secret, (byte) 0);
            Reference.reachabilityFence(conv);
            Reference.reachabilityFence(conversation);
        }
    }

    private static byte[] toBytes(char[] password) {
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    /** The libpam functions Pacer uses. */
    interface LibPam extends Library {
        int pam_start(String service, String user, PamConv conv, PointerByReference pamh);

        int pam_set_item(Pointer pamh, int itemType, String item);

        int pam_authenticate(Pointer pamh, int flags);

        int pam_acct_mgmt(Pointer pamh, int flags);

        int pam_end(Pointer pamh, int status);
    }

    /** {@code struct pam_conv}. */
    @Structure.FieldOrder({"conv", "appdata_ptr"})
    public static final class PamConv extends Structure {
        public ConvFunction conv;
        public Pointer appdata_ptr;
    }

    /** {@code int (*conv)(int, const struct pam_message **, struct pam_response **, void *)}. */
    public interface ConvFunction extends Callback {
        int callback(int count, Pointer messages, Pointer responses, Pointer appdata);
    }

    /** Answers PAM's prompts from the user name and password of one check. */
    private static final class Conversation implements ConvFunction {
        private final byte[] user;
        private final byte[] password;

        Conversation(String user, byte[] password) {
            this.user = user.getBytes(StandardCharsets.UTF_8);
            this.password = password;
        }

        @Override
        public int callback(int count, Pointer messages, Pointer responses, Pointer appdata) {
            if (count <= 0) return PAM_CONV_ERR;
            int ptr = Native.POINTER_SIZE;
            int responseSize = 2 * ptr; // { char *resp; int resp_retcode; } with padding
            long array = Native.malloc((long) count * responseSize);
            if (array == 0) return PAM_CONV_ERR;
            Pointer out = new Pointer(array);
            out.clear((long) count * responseSize);
            Pointer[] each = messages.getPointerArray(0, count);
            for (int i = 0; i < count; i++) {
                int style = each[i].getInt(0);
                byte[] answer = style == PROMPT_ECHO_OFF ? password : style == PROMPT_ECHO_ON ? user : null;
                if (answer != null) {
                    long text = Native.malloc(answer.length + 1L);
                    Pointer p = new Pointer(text);
                    p.write(0, answer, 0, answer.length);
                    p.setByte(answer.length, (byte) 0);
                    out.setPointer((long) i * responseSize, p);
                }
            }
            responses.setPointer(0, out);
            return PAM_SUCCESS;
        }
    }
}
