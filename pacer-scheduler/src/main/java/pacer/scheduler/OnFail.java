package pacer.scheduler;

import java.util.Locale;

/**
 * How a failed operation is handled ({@code on-fail}), in increasing severity: when several
 * failures apply, the most severe wins.
 */
enum OnFail {
    IGNORE, DEMOTE, RESTART, BLOCK, STOP, STANDBY, FENCE;

    static OnFail parse(String text, OnFail fallback) {
        if (text == null) return fallback;
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "ignore" -> IGNORE;
            case "demote" -> DEMOTE;
            case "restart" -> RESTART;
            case "block" -> BLOCK;
            case "stop" -> STOP;
            case "standby" -> STANDBY;
            case "fence", "stonith" -> FENCE;
            default -> fallback;
        };
    }
}
