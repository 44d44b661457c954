package pacer.api.auth;

/**
 * Checks a user's password and group for {@code POST /auth}. Two implementations: the system's
 * accounts through PAM ({@link PamAuthenticator}) and Pacer's own password file
 * ({@link FileAuthenticator}); {@link Authenticators#choose} picks one by availability.
 *
 * <p>Implementations are thread-safe and may be slow on purpose (PAM's fail delay, PBKDF2).
 */
public interface Authenticator {
    /** The group a user must be in to use the API, as with pcsd. */
    String REQUIRED_GROUP = "haclient";

    /** The verdict on one login. */
    enum Outcome {
        /** The password is right and the user is in {@link #REQUIRED_GROUP}. */
        GRANTED,
        /** Unknown user or wrong password (the two are not told apart). */
        BAD_CREDENTIALS,
        /** The password is right, but the user is not in {@link #REQUIRED_GROUP}. */
        NOT_IN_GROUP
    }

    /**
     * @param source the client's address (PAM's {@code PAM_RHOST})
     */
    Outcome authenticate(String user, char[] password, String source);

    /** "pam" or "file": which mechanism, as the API reports it to clients. */
    String mode();

    /** Which mechanism, for the log: "PAM (service 'pacer')", "the password file /var/lib/pacer/passwords". */
    String describe();

    /** The command that sets {@code user}'s password for this mechanism, for error messages. */
    String passwordCommand(String user);
}
