package pacer.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Checks logins against Pacer's {@link PasswordFile}. Group membership is the file's groups
 * field. An unknown user costs as much time as a wrong password, so the answer time does not
 * tell which users exist.
 */
public final class FileAuthenticator implements Authenticator {
    private static final byte[] DUMMY_SALT = new byte[16];
    private final PasswordFile file;

    public FileAuthenticator(PasswordFile file) {
        this.file = file;
    }

    @Override
    public Outcome authenticate(String user, char[] password, String source) {
        Optional<PasswordFile.Entry> entry;
        try {
            entry = file.find(user);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + file.path() + ": " + e.getMessage(), e);
        }
        if (entry.isEmpty()) {
            PasswordFile.derive(password, DUMMY_SALT, PasswordFile.DEFAULT_ITERATIONS);
            return Outcome.BAD_CREDENTIALS;
        }
        if (!PasswordFile.matches(entry.get(), password)) {
            return Outcome.BAD_CREDENTIALS;
        }
        return entry.get().groups().contains(REQUIRED_GROUP) ? Outcome.GRANTED : Outcome.NOT_IN_GROUP;
    }

    @Override
    public String mode() {
        return "file";
    }

    @Override
    public String describe() {
        return "the password file " + file.path();
    }

    @Override
    public String passwordCommand(String user) {
        return "pacer host password " + user;
    }
}
