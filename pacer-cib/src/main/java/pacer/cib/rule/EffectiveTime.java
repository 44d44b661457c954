package pacer.cib.rule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The scheduler's "now" as {@code crm_simulate} sets it: from the {@code -t}/{@code --set-datetime}
 * option (an ISO 8601 date) or from the CIB's {@code execution-date} attribute (seconds since the
 * epoch). The host's time zone is an input here, never read from the system.
 */
public final class EffectiveTime {
    private EffectiveTime() {}

    /**
     * {@code -t} text such as {@code 2005-01-01 10:00:00Z} or {@code 2005-001}. A date alone is
     * midnight UTC; a time without an offset is at {@code localOffset}. Empty when invalid.
     */
    public static Optional<OffsetDateTime> fromOption(String text, ZoneOffset localOffset) {
        return PcmkDate.parse(text, localOffset).map(PcmkDate::toOffsetDateTime);
    }

    /**
     * {@code execution-date}: epoch seconds, read like Pacemaker reads integers (leading white
     * space allowed, trailing text ignored), shown in {@code zone}. Empty when there are no digits.
     */
    public static Optional<OffsetDateTime> fromExecutionDate(String epochSeconds, ZoneId zone) {
        OptionalLong s = PcmkNumbers.parseLongPrefix(epochSeconds);
        if (s.isEmpty()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.ofInstant(Instant.ofEpochSecond(s.getAsLong()), zone));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
