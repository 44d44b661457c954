package pacer.qdevice;

import java.time.Duration;

/**
 * The witness's times, all derived from the cluster's token timeout so that they scale with it.
 *
 * @param heartbeat how often a node asks again (token / 4)
 * @param silentAfter after this long without a word a node counts as cut off, on both sides
 *                    (2.5 heartbeats: below the token, so a node that fell silent with its link is
 *                    already cut off when the others notice it is gone)
 * @param lease how long a vote lasts after the request that won it was sent (2 tokens)
 */
public record QdeviceTiming(Duration heartbeat, Duration silentAfter, Duration lease) {

    public static QdeviceTiming forToken(Duration token) {
        long t = Math.max(100, token.toMillis());
        return new QdeviceTiming(Duration.ofMillis(t / 4), Duration.ofMillis(t * 5 / 8), Duration.ofMillis(2 * t));
    }
}
