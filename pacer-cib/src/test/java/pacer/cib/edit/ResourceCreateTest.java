package pacer.cib.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.cib.edit.EditFixtures.base;
import static pacer.cib.edit.EditFixtures.canonical;
import static pacer.cib.edit.EditFixtures.map;
import static pacer.cib.edit.EditFixtures.ok;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.Cib;
import pacer.cib.report.CibReport;

class ResourceCreateTest {
    private final ResourceCreate create = new ResourceCreate(EditFixtures.agents());

    private static CreateRequest vip() {
        return CreateRequest.of("Cluster_VIP", "ocf:heartbeat:IPaddr2",
                map("nic", "eth1", "ip", "192.168.33.99", "cidr_netmask", "24"),
                List.of(OperationSpec.of("monitor", "interval", "20s")));
    }

    @Test
    @DisplayName("the seed's virtual IP: pcs's ids, sorted parameters, start/stop timeouts from the agent")
    void seedVip() {
        Cib cib = ok(create.create(base(), vip(), false));
        assertThat(EditFixtures.element(cib, "Cluster_VIP")).isEqualTo(canonical("""
                <primitive id="Cluster_VIP" class="ocf" provider="heartbeat" type="IPaddr2">
                  <instance_attributes id="Cluster_VIP-instance_attributes">
                    <nvpair id="Cluster_VIP-instance_attributes-cidr_netmask" name="cidr_netmask" value="24"/>
                    <nvpair id="Cluster_VIP-instance_attributes-ip" name="ip" value="192.168.33.99"/>
                    <nvpair id="Cluster_VIP-instance_attributes-nic" name="nic" value="eth1"/>
                  </instance_attributes>
                  <operations>
                    <op id="Cluster_VIP-monitor-interval-20s" name="monitor" interval="20s"/>
                    <op id="Cluster_VIP-start-interval-0s" name="start" interval="0s" timeout="20s"/>
                    <op id="Cluster_VIP-stop-interval-0s" name="stop" interval="0s" timeout="20s"/>
                  </operations>
                </primitive>"""));
        assertThat(cib.version().epoch()).isEqualTo(6);
    }

    @Test
    @DisplayName("without op, the agent's monitor (10s) is used; a short agent name is resolved and said so")
    void shortNameAndDefaultMonitor() {
        EditResult r = create.create(base(), CreateRequest.of("W", "apache", Map.of(), List.of()), false);
        assertThat(r.messages()).containsExactly("Assumed agent name 'ocf:heartbeat:apache' (deduced from 'apache')");
        String w = EditFixtures.element(ok(r), "W");
        assertThat(w).contains("<op id=\"W-monitor-interval-10s\" interval=\"10s\" name=\"monitor\" timeout=\"20s\">",
                "<op id=\"W-start-interval-0s\" interval=\"0s\" name=\"start\" timeout=\"40s\">",
                "<op id=\"W-stop-interval-0s\" interval=\"0s\" name=\"stop\" timeout=\"60s\">").doesNotContain("status");
    }

    @Test
    @DisplayName("an ambiguous short name asks for the full name")
    void ambiguousShortName() {
        EditResult r = create.create(base(), CreateRequest.of("D", "Dummy", Map.of(), List.of()), false);
        assertThat(r.errors()).singleElement().extracting(CibReport::message).asString()
                .contains("ocf:heartbeat:Dummy, ocf:pacemaker:Dummy");
    }

    @Test
    @DisplayName("an unknown parameter names the closest one; --force writes it anyway")
    void unknownParameter() {
        CreateRequest r = CreateRequest.of("V", "ocf:heartbeat:IPaddr2", map("ip", "10.0.0.1", "cidr_netmaks", "24"), List.of());
        EditResult failed = create.create(base(), r, false);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.errors()).singleElement().extracting(CibReport::message).asString()
                .contains("invalid resource option 'cidr_netmaks'", "did you mean 'cidr_netmask'?", "--force");
        assertThat(EditFixtures.element(ok(create.create(base(), r, true)), "V")).contains("cidr_netmaks");
    }

    @Test
    @DisplayName("a missing required parameter is an error naming it")
    void missingRequired() {
        EditResult r = create.create(base(), CreateRequest.of("V", "ocf:heartbeat:IPaddr2", map("nic", "eth1"), List.of()), false);
        assertThat(r.errors()).singleElement().extracting(CibReport::message).asString()
                .contains("required resource option 'ip'", "is missing");
    }

    @Test
    @DisplayName("an agent that is not installed suggests the closest one")
    void unknownAgent() {
        EditResult r = create.create(base(), CreateRequest.of("V", "ocf:heartbeat:IPadr2", Map.of(), List.of()), false);
        assertThat(r.errors()).singleElement().extracting(CibReport::message).asString()
                .contains("'ocf:heartbeat:IPadr2' is not installed", "did you mean 'ocf:heartbeat:IPaddr2'?");
        EditResult shortName = create.create(base(), CreateRequest.of("V", "IPadr2", Map.of(), List.of()), false);
        assertThat(shortName.errors().get(0).message()).contains("did you mean 'IPaddr2'?");
    }

    @Test
    @DisplayName("an existing id, a bad id, an unknown operation and a bad interval are refused")
    void refusals() {
        Cib cib = ok(create.create(base(), vip(), false));
        assertThat(create.create(cib, vip(), false).errors().get(0).message()).isEqualTo("'Cluster_VIP' already exists");
        assertThat(create.create(base(), CreateRequest.of("1x", "ocf:pacemaker:Dummy", Map.of(), List.of()), false)
                .succeeded()).isFalse();
        EditResult op = create.create(base(), CreateRequest.of("D", "ocf:pacemaker:Dummy", Map.of(),
                List.of(OperationSpec.of("monitr", "interval", "abc"))), false);
        assertThat(op.errors()).extracting(CibReport::message).anyMatch(m -> m.contains("did you mean 'monitor'?"))
                .anyMatch(m -> m.contains("'abc' is not a valid interval"));
    }

    @Test
    @DisplayName("--group creates the group; the next one joins it after the last member, or --before one")
    void group() {
        Cib one = ok(create.create(base(), CreateRequest.of("A", "ocf:pacemaker:Dummy", Map.of(), List.of())
                .inGroup("G", Optional.empty(), Optional.empty()), false));
        Cib two = ok(create.create(one, CreateRequest.of("B", "ocf:pacemaker:Dummy", Map.of(), List.of())
                .inGroup("G", Optional.of("A"), Optional.empty()), false));
        assertThat(CibTree.byId(two.xml(), "G").orElseThrow().children().stream().map(e -> e.id()).toList())
                .containsExactly("B", "A");
        assertThat(two.configuration().resource("G")).isPresent();
    }

    @Test
    @DisplayName("clone and promotable wrap the primitive in ID-clone; --disabled stops the clone")
    void cloneAndDisabled() {
        Cib cloned = ok(create.create(base(), CreateRequest.of("D", "ocf:pacemaker:Dummy", Map.of(), List.of())
                .asClone(CreateRequest.CloneKind.PROMOTABLE, Optional.empty(), map("clone-max", "2")).withDisabled(true), false));
        String clone = EditFixtures.element(cloned, "D-clone");
        assertThat(clone).startsWith("<clone id=\"D-clone\">")
                .contains("<nvpair id=\"D-clone-meta_attributes-promotable\" name=\"promotable\" value=\"true\">",
                        "<nvpair id=\"D-clone-meta_attributes-clone-max\" name=\"clone-max\" value=\"2\">",
                        "D-clone-meta_attributes-target-role");
        Cib plain = ok(create.create(base(), CreateRequest.of("E", "ocf:pacemaker:Dummy", Map.of(), List.of())
                .withDisabled(true).withMeta(map("resource-stickiness", "100")), false));
        assertThat(EditFixtures.element(plain, "E-meta_attributes")).contains("E-meta_attributes-resource-stickiness",
                "E-meta_attributes-target-role");
    }

    @Test
    @DisplayName("OCF_CHECK_LEVEL becomes a nested instance attribute of the op")
    void checkLevel() {
        Cib cib = ok(create.create(base(), CreateRequest.of("D", "ocf:pacemaker:Dummy", Map.of(),
                List.of(OperationSpec.of("monitor", "interval", "30s", "OCF_CHECK_LEVEL", "10"))), false));
        assertThat(EditFixtures.element(cib, "D-monitor-interval-30s")).contains(
                "<nvpair id=\"D-monitor-interval-30s-instance_attributes-OCF_CHECK_LEVEL\" name=\"OCF_CHECK_LEVEL\" value=\"10\">");
    }
}
