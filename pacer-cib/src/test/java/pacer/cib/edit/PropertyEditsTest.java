package pacer.cib.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.edit.EditFixtures.base;
import static pacer.cib.edit.EditFixtures.map;
import static pacer.cib.edit.EditFixtures.ok;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.CibVersion;
import pacer.cib.report.CibReport;

class PropertyEditsTest {
    private static final PropertyEdits.ClusterFacts NO_WITNESS = PropertyEdits.ClusterFacts.UNKNOWN;

    @Test
    @DisplayName("property set writes cib-bootstrap-options-NAME and bumps the epoch")
    void setWritesPcsIds() {
        Cib cib = ok(PropertyEdits.set(base(), map("no-quorum-policy", "ignore"), false, NO_WITNESS));
        assertThat(EditFixtures.element(cib, "cib-bootstrap-options-no-quorum-policy"))
                .isEqualTo("<nvpair id=\"cib-bootstrap-options-no-quorum-policy\" name=\"no-quorum-policy\" value=\"ignore\"></nvpair>");
        assertThat(cib.version()).isEqualTo(new CibVersion(0, 6, 0));
    }

    @Test
    @DisplayName("setting an existing property changes its value in place")
    void setExisting() {
        Cib once = ok(PropertyEdits.set(base(), map("no-quorum-policy", "ignore"), false, NO_WITNESS));
        Cib twice = ok(PropertyEdits.set(once, map("no-quorum-policy", "stop"), false, NO_WITNESS));
        assertThat(twice.xml().toString()).contains("value=\"stop\"").doesNotContain("no-quorum-policy-1");
    }

    @Test
    @DisplayName("a missing crm_config and property set are created as cib-bootstrap-options")
    void createsPropertySet() {
        Cib empty = CibParser.parse("<cib epoch=\"1\"><configuration><nodes/><resources/></configuration></cib>", "t");
        Cib cib = ok(PropertyEdits.set(empty, map("maintenance-mode", "true"), false, NO_WITNESS));
        assertThat(cib.xml().child("configuration").orElseThrow().children().get(0).name()).isEqualTo("crm_config");
        assertThat(EditFixtures.element(cib, "cib-bootstrap-options-maintenance-mode")).contains("value=\"true\"");
    }

    @Test
    @DisplayName("an unknown property is an error naming the closest one; --force sets it anyway")
    void unknownProperty() {
        EditResult r = PropertyEdits.set(base(), map("stonith-enable", "false"), false, NO_WITNESS);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.errors()).singleElement().extracting(CibReport::message).asString()
                .contains("unknown cluster property 'stonith-enable'", "did you mean 'stonith-enabled'?", "--force");
        EditResult forced = PropertyEdits.set(base(), map("stonith-enable", "false"), true, NO_WITNESS);
        assertThat(forced.succeeded()).isTrue();
        assertThat(forced.warnings()).extracting(CibReport::code).contains("unknown-property");
    }

    @Test
    @DisplayName("a value of the wrong type is refused, saying what is expected")
    void invalidValue() {
        EditResult r = PropertyEdits.set(base(), map("no-quorum-policy", "ignroe"), false, NO_WITNESS);
        assertThat(r.errors()).singleElement().extracting(CibReport::message).asString()
                .contains("'ignroe' is not a valid no-quorum-policy value", "ignore");
        assertThat(PropertyEdits.set(base(), map("stonith-enabled", "maybe"), false, NO_WITNESS).succeeded()).isFalse();
    }

    @Test
    @DisplayName("properties the cluster maintains cannot be set")
    void readOnly() {
        EditResult r = PropertyEdits.set(base(), map("dc-version", "1"), true, NO_WITNESS);
        assertThat(r.succeeded()).isFalse();
    }

    @Test
    @DisplayName("stonith-enabled=false on a two-node cluster without a witness warns about split brain")
    void splitBrainWarning() {
        EditResult r = PropertyEdits.set(base(), map("stonith-enabled", "false"), false, NO_WITNESS);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.warnings()).singleElement().extracting(CibReport::message).asString().contains("split brain");
        Cib disabled = ok(r);
        EditResult ignore = PropertyEdits.set(disabled, map("no-quorum-policy", "ignore"), false, NO_WITNESS);
        assertThat(ignore.warnings()).singleElement().extracting(CibReport::message).asString()
                .contains("no-quorum-policy=ignore");
        assertThat(PropertyEdits.set(base(), map("stonith-enabled", "false"), false,
                new PropertyEdits.ClusterFacts(true)).warnings()).isEmpty();
        assertThat(PropertyEdits.set(base(), map("maintenance-mode", "false"), false, NO_WITNESS).warnings()).isEmpty();
    }

    @Test
    @DisplayName("property unset removes the nvpair; unsetting one that is not set is an error unless forced")
    void unset() {
        Cib set = ok(PropertyEdits.set(base(), map("no-quorum-policy", "ignore"), false, NO_WITNESS));
        Cib unset = ok(PropertyEdits.unset(set, List.of("no-quorum-policy"), false));
        assertThat(unset.xml().toString()).doesNotContain("no-quorum-policy");
        EditResult missing = PropertyEdits.unset(base(), List.of("no-quorum-polcy"), false);
        assertThat(missing.errors()).singleElement().extracting(CibReport::message).asString()
                .contains("cannot remove property 'no-quorum-polcy'");
        assertThat(PropertyEdits.unset(base(), List.of("no-quorum-policy"), true).succeeded()).isTrue();
    }

    @Test
    @DisplayName("the newer name of an option already set under its old name updates that nvpair")
    void aliasUpdatesExisting() {
        Cib set = ok(PropertyEdits.set(base(), map("stonith-enabled", "false"), false, NO_WITNESS));
        Cib again = ok(PropertyEdits.set(set, map("fencing-enabled", "true"), false, NO_WITNESS));
        assertThat(again.xml().toString()).contains("name=\"stonith-enabled\" value=\"true\"").doesNotContain("fencing-enabled");
    }
}
