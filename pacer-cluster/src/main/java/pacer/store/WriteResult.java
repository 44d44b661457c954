package pacer.store;

import java.util.List;
import java.util.Objects;
import pacer.cib.CibVersion;

/**
 * The answer to a write: accepted with the version it produced (the unchanged version when the
 * write was a no-op), or rejected with the reasons and the version that stayed in place.
 *
 * @param reasons why a write was rejected, each a sentence an administrator can act on; empty
 *     when accepted
 */
public record WriteResult(boolean accepted, CibVersion version, List<String> reasons) {
    public WriteResult {
        Objects.requireNonNull(version, "version");
        reasons = List.copyOf(reasons);
    }

    public static WriteResult accepted(CibVersion version) {
        return new WriteResult(true, version, List.of());
    }

    public static WriteResult rejected(CibVersion current, List<String> reasons) {
        return new WriteResult(false, current, reasons);
    }

    public static WriteResult rejected(CibVersion current, String reason) {
        return rejected(current, List.of(reason));
    }

    /** "accepted: 0.7.0" or "rejected: reason; reason". */
    @Override public String toString() {
        return accepted ? "accepted: " + version : "rejected: " + String.join("; ", reasons);
    }
}
