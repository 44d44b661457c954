package pacer.cib;

/**
 * A CIB's version: {@code admin_epoch}, {@code epoch}, {@code num_updates}, compared in that
 * order. The highest version wins when copies meet, as in Pacemaker.
 */
public record CibVersion(long adminEpoch, long epoch, long numUpdates) implements Comparable<CibVersion> {
    public static final CibVersion ZERO = new CibVersion(0, 0, 0);

    @Override public int compareTo(CibVersion o) {
        int c = Long.compare(adminEpoch, o.adminEpoch);
        if (c != 0) return c;
        c = Long.compare(epoch, o.epoch);
        return c != 0 ? c : Long.compare(numUpdates, o.numUpdates);
    }

    /** A configuration change: epoch + 1, num_updates reset. */
    public CibVersion nextEpoch() { return new CibVersion(adminEpoch, epoch + 1, 0); }

    /** A status change: num_updates + 1. */
    public CibVersion nextUpdate() { return new CibVersion(adminEpoch, epoch, numUpdates + 1); }

    @Override public String toString() { return adminEpoch + "." + epoch + "." + numUpdates; }
}
