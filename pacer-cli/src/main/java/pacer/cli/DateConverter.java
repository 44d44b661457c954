package pacer.cli;

import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts a {@code -t/--date} argument with {@link IsoDateTime}; a bad date is a usage error (exit 2). */
public final class DateConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return IsoDateTime.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
