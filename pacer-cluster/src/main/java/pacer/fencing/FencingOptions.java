package pacer.fencing;

import java.time.Duration;
import java.util.Map;
import pacer.cib.BooleanValue;
import pacer.cib.ClusterOption;
import pacer.cib.Configuration;
import pacer.cib.TimeSpec;

/**
 * The cluster options the fencer obeys, read from {@code crm_config} when an operation starts.
 *
 * @param timeout {@code fencing-timeout} (old name {@code stonith-timeout}): how long one device
 *     may take for one action, all retries included, unless the device sets
 *     {@code pcmk_<action>_timeout}
 * @param concurrent {@code concurrent-fencing}: whether operations for different targets may run
 *     at the same time (operations for the same target never do)
 */
record FencingOptions(Duration timeout, boolean concurrent) {
    static final FencingOptions DEFAULTS = of(Configuration.EMPTY);

    static FencingOptions of(Configuration config) {
        Map<String, String> values = AttributeValues.of(config.crmConfig());
        long defaultMs = TimeSpec.parseMillis(ClusterOption.FENCING_TIMEOUT.defaultValue(), 60_000);
        long ms = AttributeValues.option(values, ClusterOption.FENCING_TIMEOUT)
                .map(v -> TimeSpec.parseMillis(v, defaultMs)).orElse(defaultMs);
        boolean concurrent = AttributeValues.option(values, ClusterOption.CONCURRENT_FENCING)
                .map(v -> BooleanValue.parse(v, true)).orElse(true);
        return new FencingOptions(Duration.ofMillis(ms > 0 ? ms : defaultMs), concurrent);
    }
}
