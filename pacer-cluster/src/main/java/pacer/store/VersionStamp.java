package pacer.store;

import java.util.List;
import java.util.Objects;
import pacer.cib.CibVersion;
import pacer.cib.xml.XmlElement;

/**
 * How a write moves the version, as in Pacemaker: a change to {@code configuration} is a new epoch
 * ({@code epoch + 1}, {@code num_updates = 0}); any other change (status, {@code cib} attributes
 * such as {@code dc-uuid}) is {@code num_updates + 1}; no change keeps the version. Stateless.
 */
final class VersionStamp {
    enum Change { NONE, STATUS, CONFIGURATION }

    private VersionStamp() {}

    static Change classify(XmlElement before, XmlElement after) {
        if (!Objects.equals(before.child("configuration"), after.child("configuration"))) return Change.CONFIGURATION;
        return unversioned(before).equals(unversioned(after)) ? Change.NONE : Change.STATUS;
    }

    static CibVersion next(CibVersion current, Change change) {
        return switch (change) {
            case NONE -> current;
            case STATUS -> current.nextUpdate();
            case CONFIGURATION -> current.nextEpoch();
        };
    }

    static XmlElement stamp(XmlElement cib, CibVersion v) {
        return cib.withAttribute("admin_epoch", Long.toString(v.adminEpoch()))
                .withAttribute("epoch", Long.toString(v.epoch()))
                .withAttribute("num_updates", Long.toString(v.numUpdates()));
    }

    private static XmlElement unversioned(XmlElement cib) {
        XmlElement out = cib;
        for (String attr : List.of("admin_epoch", "epoch", "num_updates")) {
            out = out.withAttribute(attr, null);
        }
        return out;
    }
}
