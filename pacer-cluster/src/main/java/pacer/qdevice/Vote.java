package pacer.qdevice;

import java.util.Locale;

/** The witness's answer to a partition: its vote, not its vote, or not yet (a member has not seen the split). */
public enum Vote {
    YES, NO, WAIT;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Vote ofWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
