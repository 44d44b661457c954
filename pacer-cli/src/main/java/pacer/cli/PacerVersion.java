package pacer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code pacer --version}: the project version that Maven wrote into
 * {@code pacer/cli/version.properties} at build time, or "development build" when the resource
 * is absent or unfiltered (as when run from an IDE without resource processing).
 */
public final class PacerVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"pacer " + version(), "Java " + Runtime.version()};
    }

    /** The version string, never null. */
    public static String version() {
        try (InputStream in = PacerVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) return "development build";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? "development build" : v;
        } catch (IOException e) {
            return "development build";
        }
    }
}
