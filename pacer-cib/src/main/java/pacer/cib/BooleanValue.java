package pacer.cib;

import java.util.Locale;

/** Pacemaker's booleans: true/on/yes/y/1 and false/off/no/n/0, case-insensitive. */
public final class BooleanValue {
    private BooleanValue() {}

    public static boolean parse(String text, boolean fallback) {
        if (text == null) return fallback;
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "y", "1" -> true;
            case "false", "off", "no", "n", "0" -> false;
            default -> fallback;
        };
    }

    public static boolean isValid(String text) {
        return parse(text, true) == parse(text, false);
    }
}
