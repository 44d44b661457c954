package pacer.cli.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pacer host password [USER]}: sets a user's password in this node's own password file
 * ({@code STATE-DIR/passwords}), which pacerd uses where PAM is not available. Same format as
 * pacerd's {@code pacer.api.auth.PasswordFile}: {@code user:groups:pbkdf2-sha256:ITER:SALT:HASH}
 * (the CLI tests log in against pacerd's reader with a password set here). Works offline, on
 * this node only; run it on every node.
 */
@Command(name = "password", mixinStandardHelpOptions = true,
        description = {"Set a user's password in this node's Pacer password file (used when pacerd cannot use PAM).",
            "Run it on every node, as root."})
final class HostPasswordCommand implements Callable<Integer> {
    private static final int ITERATIONS = 600_000;

    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "USER", defaultValue = "hacluster", description = "Default: ${DEFAULT-VALUE}.")
    String user;

    @Option(names = "--group", paramLabel = "GROUP", description = "The user's groups in the file (default: haclient,"
            + " which the API requires). Repeat for several.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--state-dir", paramLabel = "DIR", description = "pacerd's state directory (default:"
            + " $PACER_STATE_DIR, else /var/lib/pacer).")
    Path stateDir;

    private final PasswordPrompt prompt;

    HostPasswordCommand(PasswordPrompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public Integer call() throws IOException {
        if (user.isEmpty() || user.contains(":") || user.contains(",")) {
            spec.commandLine().getErr().println("Error: '" + user + "' is not a user name");
            return 1;
        }
        Path dir = stateDir != null ? stateDir : Path.of(System.getenv().getOrDefault("PACER_STATE_DIR", "/var/lib/pacer"));
        Path file = dir.resolve("passwords");
        char[] first = prompt.read("New password for " + user + ": ");
        try {
            if (System.console() != null && first.length > 0) {
                char[] again = prompt.read("Retype it: ");
                boolean same = Arrays.equals(first, again);
                Arrays.fill(again, '\0');
                if (!same) {
                    spec.commandLine().getErr().println("Error: the passwords differ; nothing was changed");
                    return 1;
                }
            }
            if (first.length == 0) {
                spec.commandLine().getErr().println("Error: the password is empty; nothing was changed");
                return 1;
            }
            write(file, line(first));
        } finally {
            Arrays.fill(first, '\0');
        }
        spec.commandLine().getOut().println("Password of " + user + " set in " + file + " (groups: "
                + String.join(",", groups()) + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private TreeSet<String> groups() {
        return new TreeSet<>(groups.isEmpty() ? List.of("haclient") : groups);
    }

    private String line(char[] password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return user + ":" + String.join(",", groups()) + ":pbkdf2-sha256:" + ITERATIONS + ":"
                    + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    private void write(Path file, String entry) throws IOException {
        List<String> lines = new ArrayList<>();
        try {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!l.startsWith(user + ":")) lines.add(l);
            }
        } catch (NoSuchFileException e) {
            lines.add("# Pacer API passwords: user:groups:pbkdf2-sha256:iterations:salt:hash (pacer host password)");
        }
        lines.add(entry);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".passwords", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
