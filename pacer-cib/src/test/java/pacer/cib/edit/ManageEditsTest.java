package pacer.cib.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.edit.EditFixtures.ok;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.report.CibReport;

class ManageEditsTest {
    private static final String CIB = """
            <cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes/><resources>
              <clone id="G-clone"><meta_attributes id="G-clone-meta_attributes">
                <nvpair id="G-clone-meta_attributes-is-managed" name="is-managed" value="false"/></meta_attributes>
                <group id="G">
                  <primitive id="A" class="ocf" provider="pacemaker" type="Dummy"/>
                  <primitive id="B" class="ocf" provider="pacemaker" type="Dummy"/>
                </group>
              </clone>
              <primitive id="C" class="ocf" provider="pacemaker" type="Dummy"/>
            </resources><constraints/></configuration><status/></cib>""";

    private static Cib cib() { return CibParser.parse(CIB, "manage"); }

    @Test
    @DisplayName("unmanaging a group sets is-managed=false on each of its primitives, with pcs ids")
    void unmanageGroup() {
        Cib out = ok(ManageEdits.unmanage(cib(), List.of("G"), false));
        assertThat(EditFixtures.element(out, "A")).contains("id=\"A-meta_attributes-is-managed\"")
                .contains("name=\"is-managed\" value=\"false\"");
        assertThat(EditFixtures.element(out, "B")).contains("name=\"is-managed\" value=\"false\"");
        assertThat(EditFixtures.element(out, "C")).doesNotContain("is-managed");
    }

    @Test
    @DisplayName("managing a primitive removes is-managed from it and from the group and clone around it")
    void manageRemovesAround() {
        Cib unmanaged = ok(ManageEdits.unmanage(cib(), List.of("A", "C"), false));
        Cib out = ok(ManageEdits.manage(unmanaged, List.of("A"), false));
        assertThat(EditFixtures.element(out, "G-clone")).doesNotContain("name=\"is-managed\"");
        assertThat(EditFixtures.element(out, "C")).contains("name=\"is-managed\" value=\"false\"");
    }

    @Test
    @DisplayName("an unknown resource is an error naming the closest one")
    void unknown() {
        EditResult r = ManageEdits.unmanage(cib(), List.of("c"), false);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.errors()).extracting(CibReport::message).containsExactly("resource 'c' does not exist; did you mean 'C'?");
    }
}
