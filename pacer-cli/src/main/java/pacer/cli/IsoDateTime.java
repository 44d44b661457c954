package pacer.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ISO 8601 date and time the way {@code crm_simulate -t} accepts it: a date, optionally
 * followed by {@code T} or a space and a time, optionally followed by an offset.
 *
 * <ul>
 *   <li>dates: calendar {@code 2010-01-01} or {@code 20100101}, ordinal {@code 2005-020},
 *       week {@code 2005-W03-4} (or {@code 2005-W03}, meaning its Monday);</li>
 *   <li>times: {@code 12}, {@code 12:30}, {@code 12:30:15}, {@code 12:30:15.250} (colons optional);</li>
 *   <li>offsets: {@code Z}, {@code +02}, {@code +02:00}, {@code -0530}.</li>
 * </ul>
 *
 * <p>A date alone means its midnight. A time without an offset is read as UTC, so that a run
 * does not depend on the machine's time zone (Pacemaker uses the local zone there).
 */
public final class IsoDateTime {
    private static final Pattern CALENDAR = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CALENDAR_BASIC = Pattern.compile("\\d{8}");
    private static final Pattern ORDINAL = Pattern.compile("\\d{4}-\\d{3}");
    private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}(-\\d)?");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final String EXAMPLES = "use ISO 8601, for example 2010-01-01, 2010-01-01T12:00:00Z, "
            + "2010-001 (ordinal) or 2010-W01-5 (week)";

    private IsoDateTime() {}

    /**
     * @return the instant the text names
     * @throws IllegalArgumentException with a message that quotes the text, says what is wrong
     *     and gives examples of what is accepted
     */
    public static Instant parse(String text) {
        String s = text.strip();
        int split = indexOfTimeSeparator(s);
        String datePart = split < 0 ? s : s.substring(0, split);
        String timePart = split < 0 ? "" : s.substring(split + 1).strip();
        LocalDate date = date(text, datePart);
        if (split >= 0 && timePart.isEmpty()) {
            throw invalid(text, "a time must follow '" + s.charAt(split) + "'");
        }
        if (timePart.isEmpty()) return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Matcher m = TIME.matcher(timePart);
        if (!m.matches()) throw invalid(text, "'" + timePart + "' is not a time such as 12:30 or 12:30:00Z");
        try {
            String fraction = m.group(4) == null ? "0" : (m.group(4) + "00000000").substring(0, 9);
            LocalTime time = LocalTime.of(number(m.group(1)), number(m.group(2)), number(m.group(3)),
                    Integer.parseInt(fraction));
            ZoneOffset offset = m.group(5) == null ? ZoneOffset.UTC : ZoneOffset.of(offsetId(m.group(5)));
            return date.atTime(time).atOffset(offset).toInstant();
        } catch (DateTimeException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private static int indexOfTimeSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'T' || Character.isWhitespace(c)) return i;
        }
        return -1;
    }

    private static LocalDate date(String text, String d) {
        try {
            if (CALENDAR.matcher(d).matches()) return LocalDate.parse(d, DateTimeFormatter.ISO_LOCAL_DATE);
            if (CALENDAR_BASIC.matcher(d).matches()) return LocalDate.parse(d, DateTimeFormatter.BASIC_ISO_DATE);
            if (ORDINAL.matcher(d).matches()) return LocalDate.parse(d, DateTimeFormatter.ISO_ORDINAL_DATE);
            if (WEEK.matcher(d).matches()) {
                return LocalDate.parse(d.length() == 8 ? d + "-1" : d, DateTimeFormatter.ISO_WEEK_DATE);
            }
        } catch (DateTimeParseException e) {
            throw invalid(text, reason(e));
        }
        throw invalid(text, d.isEmpty() ? "the date is empty" : "'" + d + "' is not a date");
    }

    private static String reason(DateTimeParseException e) {
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    private static String offsetId(String offset) {
        if (offset.equals("Z")) return "Z";
        String digits = offset.substring(1).replace(":", "");
        String hhmm = digits.length() == 2 ? digits + "00" : digits;
        return offset.charAt(0) + hhmm.substring(0, 2) + ":" + hhmm.substring(2);
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("'" + text + "' is not a valid date: " + reason + "; " + EXAMPLES);
    }
}
