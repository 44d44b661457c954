package pacer.cib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The highest version wins: admin_epoch first, then epoch, then num_updates. */
class CibVersionTest {
    @Test
    @DisplayName("admin_epoch outranks epoch, which outranks num_updates")
    void comparesFieldsInOrder() {
        assertThat(new CibVersion(1, 0, 0)).isGreaterThan(new CibVersion(0, 99, 99));
        assertThat(new CibVersion(0, 2, 0)).isGreaterThan(new CibVersion(0, 1, 99));
        assertThat(new CibVersion(0, 1, 2)).isGreaterThan(new CibVersion(0, 1, 1));
        assertThat(new CibVersion(3, 4, 5)).isEqualByComparingTo(new CibVersion(3, 4, 5));
    }

    @Test
    @DisplayName("sorting a shuffled list of versions yields their order")
    void sortsVersions() {
        List<CibVersion> ordered = List.of(CibVersion.ZERO, new CibVersion(0, 0, 7), new CibVersion(0, 1, 0),
                new CibVersion(0, 1, 3), new CibVersion(0, 10, 0), new CibVersion(2, 0, 0));
        List<CibVersion> shuffled = new ArrayList<>(ordered);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 1, 4);
        Collections.sort(shuffled);
        assertThat(shuffled).containsExactlyElementsOf(ordered);
    }

    @Test
    @DisplayName("a configuration change bumps epoch and resets num_updates; a status change bumps num_updates")
    void nextVersions() {
        CibVersion v = new CibVersion(1, 5, 9);
        assertThat(v.nextEpoch()).isEqualTo(new CibVersion(1, 6, 0)).isGreaterThan(v);
        assertThat(v.nextUpdate()).isEqualTo(new CibVersion(1, 5, 10)).isGreaterThan(v);
        assertThat(v).hasToString("1.5.9");
    }

    @Test
    @DisplayName("the version is read from the cib element's attributes")
    void parsedFromCib() {
        Cib cib = CibParser.parse("<cib admin_epoch=\"2\" epoch=\"31\" num_updates=\"4\"><configuration/><status/></cib>", "t");
        assertThat(cib.version()).isEqualTo(new CibVersion(2, 31, 4));
    }
}
