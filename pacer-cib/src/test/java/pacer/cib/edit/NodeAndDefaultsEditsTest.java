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

class NodeAndDefaultsEditsTest {
    @Test
    @DisplayName("node standby writes nodes-ID-standby=on; unstandby removes it; --all covers every node")
    void standby() {
        Cib cib = ok(NodeEdits.standby(base(), List.of("n2"), false, true, false));
        assertThat(EditFixtures.element(cib, "nodes-2-standby")).contains("name=\"standby\" value=\"on\"");
        assertThat(ok(NodeEdits.standby(cib, List.of("n2"), false, false, false)).xml().toString()).doesNotContain("standby");
        Cib all = ok(NodeEdits.maintenance(base(), List.of(), true, true, false));
        assertThat(CibTree.byId(all.xml(), "nodes-1-maintenance")).isPresent();
        assertThat(CibTree.byId(all.xml(), "nodes-2-maintenance")).isPresent();
    }

    @Test
    @DisplayName("an unknown node is an error with the closest name; a node only the status knows is added")
    void nodes() {
        assertThat(NodeEdits.standby(base(), List.of("n3"), false, true, false).errors().get(0).message())
                .isEqualTo("node 'n3' does not appear to exist in configuration; did you mean 'n1'?");
        Cib statusOnly = CibParser.parse("<cib epoch=\"1\"><configuration><nodes/></configuration><status>"
                + "<node_state id=\"7\" uname=\"n7\"/></status></cib>", "t");
        assertThat(EditFixtures.element(ok(NodeEdits.standby(statusOnly, List.of("n7"), false, true, false)), "7"))
                .contains("nodes-7-standby");
    }

    @Test
    @DisplayName("resource defaults and op defaults live in SECTION-meta_attributes")
    void defaults() {
        EditResult r = DefaultsEdits.update(base(), DefaultsEdits.Kind.RESOURCE, map("resource-stickiness", "100"), false);
        assertThat(r.warnings()).hasSize(1);
        Cib cib = ok(r);
        assertThat(EditFixtures.element(cib, "rsc_defaults-meta_attributes-resource-stickiness")).contains("value=\"100\"");
        Cib ops = ok(DefaultsEdits.update(cib, DefaultsEdits.Kind.OPERATION, map("timeout", "240s"), false));
        assertThat(CibTree.byId(ops.xml(), "op_defaults-meta_attributes-timeout")).isPresent();
        List<String> sections = ops.xml().child("configuration").orElseThrow().children().stream().map(e -> e.name()).toList();
        // pcs 0.11.5 appends a new section last, in the order they were made.
        assertThat(sections).containsExactly("crm_config", "nodes", "resources", "constraints", "rsc_defaults", "op_defaults");
        Cib opsFirst = ok(DefaultsEdits.update(base(), DefaultsEdits.Kind.OPERATION, map("timeout", "240s"), false));
        Cib both = ok(DefaultsEdits.update(opsFirst, DefaultsEdits.Kind.RESOURCE, map("resource-stickiness", "1"), false));
        assertThat(both.xml().child("configuration").orElseThrow().children().stream().map(e -> e.name()).toList())
                .containsExactly("crm_config", "nodes", "resources", "constraints", "op_defaults", "rsc_defaults");
    }

    @Test
    @DisplayName("ids are sanitized and numbered like pcs's")
    void ids() {
        Ids ids = new Ids(base().xml());
        assertThat(ids.allocate("cib-bootstrap-options")).isEqualTo("cib-bootstrap-options-1");
        assertThat(ids.allocate("cib-bootstrap-options")).isEqualTo("cib-bootstrap-options-2");
        assertThat(Ids.sanitize("1location-a:b-c")).isEqualTo("location-ab-c");
        assertThat(Suggest.closest("WebServr", List.of("WebServer", "Cluster_VIP"))).contains("WebServer");
        assertThat(Suggest.closest("xyz", List.of("WebServer"))).isEmpty();
    }
}
