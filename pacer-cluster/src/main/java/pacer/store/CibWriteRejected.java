package pacer.store;

import java.util.List;

/** Thrown by a {@link CibWrite} that refuses to apply; the reasons reach the caller unchanged. */
public final class CibWriteRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> reasons;

    public CibWriteRejected(String reason) {
        this(List.of(reason));
    }

    public CibWriteRejected(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() { return reasons; }
}
