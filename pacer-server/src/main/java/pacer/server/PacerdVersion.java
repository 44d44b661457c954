package pacer.server;

import picocli.CommandLine.IVersionProvider;

/** {@code pacerd --version}: the version Maven put in the jar's manifest, if any. */
public final class PacerdVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Pacerd.class.getPackage().getImplementationVersion();
        return new String[] {"pacerd " + (v == null ? "(development build)" : v)};
    }
}
