package pacer.cli.pcs;

/** A failure to report as pcs does ("Error: ...", exit 1), such as an unreadable CIB file. */
class PcsFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PcsFailure(String message) {
        super(message);
    }
}
