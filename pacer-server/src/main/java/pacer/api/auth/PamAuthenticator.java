package pacer.api.auth;

/**
 * Checks logins against the system's accounts: the password through PAM, then membership of
 * {@link Authenticator#REQUIRED_GROUP} through a {@link GroupLookup}. The password check is an
 * interface too, so that the group rule is tested without real accounts.
 */
public final class PamAuthenticator implements Authenticator {
    /** Checks one user's password; {@link Pam#check} in production. */
    @FunctionalInterface
    public interface PasswordCheck {
        boolean check(String user, char[] password, String source);
    }

    private final PasswordCheck passwords;
    private final GroupLookup groups;
    private final String service;

    /** @param service the PAM service, for messages */
    public PamAuthenticator(PasswordCheck passwords, GroupLookup groups, String service) {
        this.passwords = passwords;
        this.groups = groups;
        this.service = service;
    }

    @Override
    public Outcome authenticate(String user, char[] password, String source) {
        if (!passwords.check(user, password, source)) {
            return Outcome.BAD_CREDENTIALS;
        }
        return groups.groupsOf(user).contains(REQUIRED_GROUP) ? Outcome.GRANTED : Outcome.NOT_IN_GROUP;
    }

    @Override
    public String mode() {
        return "pam";
    }

    @Override
    public String describe() {
        return "PAM (service '" + service + "')";
    }

    @Override
    public String passwordCommand(String user) {
        return "passwd " + user;
    }
}
