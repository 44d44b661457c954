package pacer.store;

/** A CIB file on disk that fails its checksum, is truncated, or is not a readable CIB. */
final class CorruptCibFileException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptCibFileException(String reason) {
        super(reason);
    }
}
