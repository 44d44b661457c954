package pacer.cib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import pacer.cib.report.CibReport;
import pacer.cib.xml.XmlSyntaxException;

/**
 * Reading CIBs in both dialects into the typed model, and the reports for bad input: each names
 * the element and its line and says how to fix it; only XML that is not well-formed throws.
 */
class CibParserTest {
    /** Pacemaker 1.x/2.0 spelling: stonith-enabled, master, Master/Slave, boolean membership flags. */
    static final String OLD_DIALECT = """
            <cib admin_epoch="0" epoch="12" num_updates="3" have-quorum="1" dc-uuid="1">
              <configuration>
                <crm_config>
                  <cluster_property_set id="cib-bootstrap-options">
                    <nvpair id="opt-stonith" name="stonith-enabled" value="false"/>
                    <nvpair id="opt-nqp" name="no-quorum-policy" value="ignore"/>
                  </cluster_property_set>
                </crm_config>
                <nodes>
                  <node id="1" uname="n1"/>
                  <node id="2" uname="n2"/>
                </nodes>
                <resources>
                  <primitive id="ip" class="ocf" provider="heartbeat" type="IPaddr2"/>
                  <master id="ms-drbd">
                    <meta_attributes id="ms-drbd-meta">
                      <nvpair id="ms-drbd-master-max" name="master-max" value="1"/>
                    </meta_attributes>
                    <primitive id="drbd" class="ocf" provider="linbit" type="drbd">
                      <operations>
                        <op id="drbd-mon-master" name="monitor" interval="10s" role="Master"/>
                        <op id="drbd-mon-slave" name="monitor" interval="20s" role="Slave"/>
                      </operations>
                    </primitive>
                  </master>
                </resources>
                <constraints>
                  <rsc_colocation id="ip-with-master" rsc="ip" with-rsc="ms-drbd" with-rsc-role="Master" score="INFINITY"/>
                  <rsc_location id="slave-avoids-n2" rsc="ms-drbd" role="Slave" node="n2" score="-100"/>
                </constraints>
              </configuration>
              <status>
                <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member"/>
                <node_state id="2" uname="n2" in_ccm="false" crmd="offline" join="down" expected="down"/>
              </status>
            </cib>
            """;

    /** Pacemaker 2.1+/3.x spelling, with every configuration section in use. */
    static final String NEW_DIALECT = """
            <cib admin_epoch="1" epoch="40" num_updates="7" have-quorum="1" dc-uuid="1" execution-date="1718000100">
              <configuration>
                <crm_config>
                  <cluster_property_set id="cib-bootstrap-options">
                    <nvpair id="opt-fencing" name="fencing-enabled" value="true"/>
                    <nvpair id="opt-name" name="cluster-name" value="lab"/>
                  </cluster_property_set>
                </crm_config>
                <nodes>
                  <node id="1" uname="n1">
                    <instance_attributes id="n1-attrs">
                      <nvpair id="n1-standby" name="standby" value="off"/>
                    </instance_attributes>
                  </node>
                  <node id="2" uname="n2"/>
                </nodes>
                <resources>
                  <template id="vm-template" class="ocf" provider="heartbeat" type="VirtualDomain">
                    <instance_attributes id="vm-template-params">
                      <nvpair id="vm-template-hypervisor" name="hypervisor" value="qemu:///system"/>
                    </instance_attributes>
                    <operations>
                      <op id="vm-template-monitor" name="monitor" interval="30s" timeout="60s"/>
                    </operations>
                  </template>
                  <primitive id="vm1" template="vm-template">
                    <instance_attributes id="vm1-params">
                      <nvpair id="vm1-config" name="config" value="/etc/vm1.xml"/>
                    </instance_attributes>
                  </primitive>
                  <primitive id="A" class="ocf" provider="pacemaker" type="Dummy">
                    <meta_attributes id="A-meta">
                      <nvpair id="A-stickiness" name="resource-stickiness" value="50"/>
                    </meta_attributes>
                    <operations>
                      <op id="A-monitor-10s" name="monitor" interval="10s" on-fail="restart"/>
                      <op id="A-start" name="start" interval="0" timeout="20s"/>
                    </operations>
                  </primitive>
                  <primitive id="B" class="ocf" provider="pacemaker" type="Dummy"/>
                  <group id="web">
                    <primitive id="web-ip" class="ocf" provider="heartbeat" type="IPaddr2"/>
                    <primitive id="web-server" class="ocf" provider="heartbeat" type="apache"/>
                  </group>
                  <clone id="ping-clone">
                    <primitive id="ping" class="ocf" provider="pacemaker" type="ping"/>
                  </clone>
                  <clone id="stateful-clone">
                    <meta_attributes id="stateful-clone-meta">
                      <nvpair id="stateful-clone-promotable" name="promotable" value="true"/>
                    </meta_attributes>
                    <primitive id="stateful" class="ocf" provider="pacemaker" type="Stateful">
                      <operations>
                        <op id="stateful-mon-promoted" name="monitor" interval="10s" role="Promoted"/>
                        <op id="stateful-mon-unpromoted" name="monitor" interval="11s" role="Unpromoted"/>
                      </operations>
                    </primitive>
                  </clone>
                  <bundle id="httpd-bundle">
                    <docker image="pcmk:httpd" replicas="3"/>
                    <network ip-range-start="192.168.122.131"/>
                    <primitive id="httpd" class="ocf" provider="heartbeat" type="apache"/>
                  </bundle>
                  <primitive id="fence1" class="stonith" type="fence_xvm"/>
                </resources>
                <constraints>
                  <rsc_location id="loc-node" rsc="A" node="n1" score="200"/>
                  <rsc_location id="loc-rule" rsc="B">
                    <rule id="loc-rule-r" score="-INFINITY" boolean-op="or">
                      <expression id="loc-rule-e" attribute="#uname" operation="eq" value="n2"/>
                    </rule>
                  </rsc_location>
                  <rsc_location id="loc-pattern" rsc-pattern="^web-" node="n2" score="10" resource-discovery="exclusive"/>
                  <rsc_location id="loc-role" rsc="stateful-clone" role="Promoted" node="n1" score="50"/>
                  <rsc_colocation id="col-roles" rsc="A" rsc-role="Started" with-rsc="stateful-clone" with-rsc-role="Promoted" score="INFINITY" influence="false"/>
                  <rsc_colocation id="col-set" score="100">
                    <resource_set id="col-set-1" sequential="false" role="Started">
                      <resource_ref id="A"/>
                      <resource_ref id="B"/>
                    </resource_set>
                  </rsc_colocation>
                  <rsc_order id="ord-kind" first="A" then="B" kind="Optional" symmetrical="false"/>
                  <rsc_order id="ord-actions" first="stateful-clone" first-action="promote" then="web" then-action="start"/>
                  <rsc_order id="ord-legacy" first="A" then="web" score="0"/>
                  <rsc_order id="ord-set" kind="Serialize">
                    <resource_set id="ord-set-1" action="start" require-all="false">
                      <resource_ref id="A"/>
                      <resource_ref id="B"/>
                    </resource_set>
                    <resource_set id="ord-set-2">
                      <resource_ref id="web"/>
                    </resource_set>
                  </rsc_order>
                  <rsc_ticket id="tkt" ticket="ticketA" rsc="A" rsc-role="Started" loss-policy="fence"/>
                </constraints>
                <rsc_defaults>
                  <meta_attributes id="rsc-options">
                    <nvpair id="rsc-options-stickiness" name="resource-stickiness" value="100"/>
                  </meta_attributes>
                </rsc_defaults>
                <op_defaults>
                  <meta_attributes id="op-options">
                    <nvpair id="op-options-timeout" name="timeout" value="30s"/>
                  </meta_attributes>
                </op_defaults>
                <fencing-topology>
                  <fencing-level id="fl-n1" target="n1" index="1" devices="fence1,fence2"/>
                  <fencing-level id="fl-pattern" target-pattern="n[0-9]" index="2" devices="fence3"/>
                </fencing-topology>
                <tags>
                  <tag id="web-tag">
                    <obj_ref id="A"/>
                    <obj_ref id="B"/>
                  </tag>
                </tags>
              </configuration>
              <status>
                <node_state id="1" uname="n1" in_ccm="1718000000" crmd="1718000001" join="member" expected="member">
                  <transient_attributes id="1">
                    <instance_attributes id="status-1">
                      <nvpair id="status-1-fc" name="fail-count-A#monitor_10000" value="3"/>
                      <nvpair id="status-1-lf" name="last-failure-A#monitor_10000" value="1718000050"/>
                    </instance_attributes>
                  </transient_attributes>
                  <lrm id="1">
                    <lrm_resources>
                      <lrm_resource id="A" class="ocf" provider="pacemaker" type="Dummy">
                        <lrm_rsc_op id="A_last_0" operation_key="A_start_0" operation="start" transition-key="3:1:0:abc" transition-magic="0:0;3:1:0:abc" call-id="6" rc-code="0" op-status="0" interval="0" last-rc-change="1718000010" op-digest="f2317cad3d54cec5d7d7aa7d0bf35cf8" op-restart-digest="0b6c24e5c8d8f4d1e8b0cbbd0c6d1b5a"/>
                        <lrm_rsc_op id="A_monitor_10000" operation_key="A_monitor_10000" operation="monitor" transition-key="4:1:0:abc" transition-magic="0:7;4:1:0:abc" call-id="7" rc-code="7" op-status="0" interval="10000" last-rc-change="1718000050"/>
                      </lrm_resource>
                    </lrm_resources>
                  </lrm>
                </node_state>
                <node_state id="2" uname="n2" in_ccm="0" crmd="0" join="down" expected="down"/>
              </status>
            </cib>
            """;

    static Cib parse(String xml) {
        return CibParser.parse(xml, "test.xml");
    }

    static <T extends Resource> T resource(Cib cib, String id, Class<T> type) {
        return type.cast(cib.configuration().resource(id).orElseThrow(() -> new AssertionError("no resource " + id)));
    }

    static <T extends Constraint> T constraint(Cib cib, String id, Class<T> type) {
        return type.cast(cib.configuration().constraints().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no constraint " + id)));
    }

    /** The configured value of a cluster option, under its name or any older alias. */
    static Optional<String> option(Cib cib, ClusterOption option) {
        return cib.configuration().crmConfig().stream().flatMap(s -> s.values().entrySet().stream())
                .filter(e -> ClusterOption.byName(e.getKey()).orElse(null) == option)
                .map(java.util.Map.Entry::getValue).findFirst();
    }

    /** 1-based line of the first line of {@code xml} containing {@code snippet}. */
    static int lineOf(String xml, String snippet) {
        List<String> lines = xml.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(snippet)) return i + 1;
        throw new AssertionError("snippet not found: " + snippet);
    }

    @Nested
    @DisplayName("old dialect")
    class OldDialect {
        final Cib cib = parse(OLD_DIALECT);

        @Test
        @DisplayName("a valid old-dialect CIB reads without reports")
        void noReports() {
            assertThat(cib.reports()).isEmpty();
            assertThat(cib.version()).isEqualTo(new CibVersion(0, 12, 3));
            assertThat(cib.hasQuorum()).isTrue();
            assertThat(cib.dcUuid()).hasValue("1");
        }

        @Test
        @DisplayName("stonith-enabled is the old name of fencing-enabled")
        void stonithEnabledIsFencingEnabled() {
            assertThat(option(cib, ClusterOption.FENCING_ENABLED)).hasValue("false");
        }

        @Test
        @DisplayName("<master> is a promotable clone")
        void masterIsPromotableClone() {
            Clone ms = resource(cib, "ms-drbd", Clone.class);
            assertThat(ms.promotable()).isTrue();
            assertThat(ms.child().id()).isEqualTo("drbd");
            assertThat(ms.meta().get(0).values()).containsEntry("master-max", "1");
        }

        @Test
        @DisplayName("Master and Slave are read as Promoted and Unpromoted")
        void oldRoleNames() {
            Primitive drbd = resource(cib, "drbd", Primitive.class);
            assertThat(drbd.operations()).extracting(Operation::role)
                    .containsExactly(Optional.of(Role.PROMOTED), Optional.of(Role.UNPROMOTED));
            assertThat(constraint(cib, "ip-with-master", ColocationConstraint.class).withResourceRole())
                    .hasValue(Role.PROMOTED);
            assertThat(constraint(cib, "slave-avoids-n2", LocationConstraint.class).role()).hasValue(Role.UNPROMOTED);
        }

        @Test
        @DisplayName("boolean membership flags: true/online is up, false/offline is down")
        void booleanMembershipFlags() {
            NodeState n1 = cib.status().node("n1").orElseThrow();
            NodeState n2 = cib.status().node("2").orElseThrow();
            assertThat(n1.inMembership()).isTrue();
            assertThat(n1.controllerOnline()).isTrue();
            assertThat(n1.join()).isEqualTo("member");
            assertThat(n2.inMembership()).isFalse();
            assertThat(n2.controllerOnline()).isFalse();
            assertThat(n2.expected()).isEqualTo("down");
        }
    }

    @Nested
    @DisplayName("new dialect")
    class NewDialect {
        final Cib cib = parse(NEW_DIALECT);

        @Test
        @DisplayName("a valid new-dialect CIB, with resource sets and tags, reads without reports")
        void noReports() {
            assertThat(cib.reports()).isEmpty();
        }

        @Test
        @DisplayName("the only reports for the valid new-dialect CIB are about references in sets and tags")
        void onlyReferenceReports() {
            assertThat(cib.reports()).allSatisfy(r -> assertThat(r.code()).isEqualTo("duplicate-id"))
                    .allSatisfy(r -> assertThat(r.elementId()).isIn("A", "B", "web"));
        }

        @Test
        @DisplayName("fencing-enabled and other options are read from crm_config")
        void fencingEnabled() {
            assertThat(option(cib, ClusterOption.FENCING_ENABLED)).hasValue("true");
            assertThat(option(cib, ClusterOption.CLUSTER_NAME)).hasValue("lab");
            assertThat(cib.attribute("execution-date")).hasValue("1718000100");
            assertThat(cib.version()).isEqualTo(new CibVersion(1, 40, 7));
        }

        @Test
        @DisplayName("promotable=true makes a clone promotable; a plain clone is not")
        void promotableMeta() {
            assertThat(resource(cib, "stateful-clone", Clone.class).promotable()).isTrue();
            assertThat(resource(cib, "ping-clone", Clone.class).promotable()).isFalse();
            assertThat(resource(cib, "stateful", Primitive.class).operations()).extracting(Operation::role)
                    .containsExactly(Optional.of(Role.PROMOTED), Optional.of(Role.UNPROMOTED));
        }

        @Test
        @DisplayName("timestamp membership flags: a positive timestamp is up, 0 is down")
        void timestampMembershipFlags() {
            NodeState n1 = cib.status().node("n1").orElseThrow();
            NodeState n2 = cib.status().node("n2").orElseThrow();
            assertThat(n1.inMembership()).isTrue();
            assertThat(n1.controllerOnline()).isTrue();
            assertThat(n2.inMembership()).isFalse();
            assertThat(n2.controllerOnline()).isFalse();
        }

        @Test
        @DisplayName("per-operation fail counts are read as transient attributes, names intact")
        void perOperationFailCounts() {
            NodeState n1 = cib.status().node("n1").orElseThrow();
            assertThat(n1.transientAttributes())
                    .containsEntry("fail-count-A#monitor_10000", "3")
                    .containsEntry("last-failure-A#monitor_10000", "1718000050");
        }

        @Test
        @DisplayName("resources keep configuration order; allResources lists a group before its members")
        void resourceOrder() {
            assertThat(cib.configuration().resources()).extracting(Resource::id)
                    .containsExactly("vm1", "A", "B", "web", "ping-clone", "stateful-clone", "httpd-bundle", "fence1");
            assertThat(cib.configuration().allResources()).extracting(Resource::id).containsSubsequence(
                    "web", "web-ip", "web-server", "ping-clone", "ping", "stateful-clone", "stateful", "httpd-bundle", "httpd");
        }

        @Test
        @DisplayName("a primitive: agent, meta, operations with intervals in ms and their other attributes")
        void primitive() {
            Primitive a = resource(cib, "A", Primitive.class);
            assertThat(a.kind()).isEqualTo(Resource.Kind.PRIMITIVE);
            assertThat(a.agent()).isEqualTo("ocf:pacemaker:Dummy");
            assertThat(a.meta().get(0).values()).containsEntry("resource-stickiness", "50");
            assertThat(a.operations()).extracting(Operation::name, Operation::intervalMs)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("monitor", 10_000L),
                            org.assertj.core.groups.Tuple.tuple("start", 0L));
            assertThat(a.operations().get(0).attribute("on-fail")).hasValue("restart");
            assertThat(a.operations().get(0).key("A")).isEqualTo("A_monitor_10000");
            assertThat(resource(cib, "fence1", Primitive.class).isFencingDevice()).isTrue();
        }

        @Test
        @DisplayName("a group keeps its members in order")
        void group() {
            Group web = resource(cib, "web", Group.class);
            assertThat(web.members()).extracting(Primitive::id).containsExactly("web-ip", "web-server");
        }

        @Test
        @DisplayName("a bundle keeps its container definition as XML and its inner primitive")
        void bundleKept() {
            Bundle b = resource(cib, "httpd-bundle", Bundle.class);
            assertThat(b.primitive()).map(Primitive::id).hasValue("httpd");
            assertThat(b.definition().child("docker").orElseThrow().attr("image")).isEqualTo("pcmk:httpd");
            assertThat(b.definition().child("network").orElseThrow().attr("ip-range-start")).isEqualTo("192.168.122.131");
        }

        @Test
        @DisplayName("a primitive naming a template gets the template's agent, parameters and operations merged in")
        void templateMerged() {
            Primitive vm = resource(cib, "vm1", Primitive.class);
            assertThat(vm.template()).hasValue("vm-template");
            assertThat(vm.agent()).isEqualTo("ocf:heartbeat:VirtualDomain");
            assertThat(vm.instance()).extracting(AttributeSet::values)
                    .containsExactly(java.util.Map.of("config", "/etc/vm1.xml"),
                            java.util.Map.of("hypervisor", "qemu:///system"));
            assertThat(vm.operations()).singleElement().satisfies(op -> {
                assertThat(op.intervalMs()).isEqualTo(30_000);
                assertThat(op.attribute("timeout")).hasValue("60s");
            });
            assertThat(cib.configuration().resource("vm-template")).as("a template is not a resource").isEmpty();
        }

        @Test
        @DisplayName("location: node and score; rules; rsc-pattern with resource-discovery; role")
        void locations() {
            LocationConstraint node = constraint(cib, "loc-node", LocationConstraint.class);
            assertThat(node.resource()).hasValue("A");
            assertThat(node.node()).hasValue("n1");
            assertThat(node.score()).hasValue(200);
            assertThat(node.resourceDiscovery()).isEqualTo("always");

            LocationConstraint rule = constraint(cib, "loc-rule", LocationConstraint.class);
            assertThat(rule.node()).isEmpty();
            assertThat(rule.rules()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo("loc-rule-r");
                assertThat(r.attr("score")).isEqualTo("-INFINITY");
            });

            LocationConstraint pattern = constraint(cib, "loc-pattern", LocationConstraint.class);
            assertThat(pattern.resource()).isEmpty();
            assertThat(pattern.resourcePattern()).hasValue("^web-");
            assertThat(pattern.resourceDiscovery()).isEqualTo("exclusive");

            assertThat(constraint(cib, "loc-role", LocationConstraint.class).role()).hasValue(Role.PROMOTED);
        }

        @Test
        @DisplayName("colocation: roles, influence, score; and with a resource set")
        void colocations() {
            ColocationConstraint roles = constraint(cib, "col-roles", ColocationConstraint.class);
            assertThat(roles.resource()).hasValue("A");
            assertThat(roles.withResource()).hasValue("stateful-clone");
            assertThat(roles.resourceRole()).hasValue(Role.STARTED);
            assertThat(roles.withResourceRole()).hasValue(Role.PROMOTED);
            assertThat(roles.score()).isEqualTo(Score.INFINITY);
            assertThat(roles.influence()).hasValue(false);
            assertThat(roles.nodeAttribute()).isEqualTo("#uname");

            ColocationConstraint set = constraint(cib, "col-set", ColocationConstraint.class);
            assertThat(set.resource()).isEmpty();
            assertThat(set.score()).isEqualTo(100);
            assertThat(set.influence()).isEmpty();
            assertThat(set.sets()).singleElement().satisfies(s -> {
                assertThat(s.resources()).containsExactly("A", "B");
                assertThat(s.sequential()).isFalse();
                assertThat(s.role()).hasValue(Role.STARTED);
            });
        }

        @Test
        @DisplayName("order: kind, symmetrical, actions, legacy score 0 = Optional, and sets")
        void orders() {
            OrderConstraint kind = constraint(cib, "ord-kind", OrderConstraint.class);
            assertThat(kind.first()).hasValue("A");
            assertThat(kind.then()).hasValue("B");
            assertThat(kind.orderKind()).isEqualTo("Optional");
            assertThat(kind.symmetrical()).hasValue(false);
            assertThat(kind.firstAction()).isEqualTo("start");
            assertThat(kind.thenAction()).isEqualTo("start");

            OrderConstraint actions = constraint(cib, "ord-actions", OrderConstraint.class);
            assertThat(actions.orderKind()).isEqualTo("Mandatory");
            assertThat(actions.firstAction()).isEqualTo("promote");
            assertThat(actions.thenAction()).isEqualTo("start");
            assertThat(actions.symmetrical()).isEmpty();

            assertThat(constraint(cib, "ord-legacy", OrderConstraint.class).orderKind()).isEqualTo("Optional");

            OrderConstraint sets = constraint(cib, "ord-set", OrderConstraint.class);
            assertThat(sets.orderKind()).isEqualTo("Serialize");
            assertThat(sets.sets()).extracting(ResourceSet::id).containsExactly("ord-set-1", "ord-set-2");
            assertThat(sets.sets().get(0).action()).hasValue("start");
            assertThat(sets.sets().get(0).requireAll()).isFalse();
            assertThat(sets.sets().get(0).sequential()).isTrue();
            assertThat(sets.sets().get(1).resources()).containsExactly("web");
        }

        @Test
        @DisplayName("ticket: ticket, resource, role and loss-policy")
        void ticket() {
            TicketConstraint t = constraint(cib, "tkt", TicketConstraint.class);
            assertThat(t.ticket()).isEqualTo("ticketA");
            assertThat(t.resource()).hasValue("A");
            assertThat(t.resourceRole()).hasValue(Role.STARTED);
            assertThat(t.lossPolicy()).isEqualTo("fence");
        }

        @Test
        @DisplayName("rsc_defaults, op_defaults, node attributes")
        void defaults() {
            assertThat(cib.configuration().rscDefaults()).singleElement()
                    .satisfies(s -> assertThat(s.values()).containsEntry("resource-stickiness", "100"));
            assertThat(cib.configuration().opDefaults()).singleElement()
                    .satisfies(s -> assertThat(s.values()).containsEntry("timeout", "30s"));
            assertThat(cib.configuration().node("n1").orElseThrow().attributes().get(0).values())
                    .containsEntry("standby", "off");
        }

        @Test
        @DisplayName("tags list their references; fencing levels their target, index and devices")
        void tagsAndFencingTopology() {
            assertThat(cib.configuration().tags()).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo("web-tag");
                assertThat(t.references()).containsExactly("A", "B");
            });
            assertThat(cib.configuration().fencingTopology()).hasSize(2);
            FencingLevel l1 = cib.configuration().fencingTopology().get(0);
            assertThat(l1.target()).isEqualTo("n1");
            assertThat(l1.index()).isEqualTo(1);
            assertThat(l1.devices()).containsExactly("fence1", "fence2");
            FencingLevel l2 = cib.configuration().fencingTopology().get(1);
            assertThat(l2.target()).isNull();
            assertThat(l2.targetPattern()).isEqualTo("n[0-9]");
            assertThat(l2.devices()).containsExactly("fence3");
        }

        @Test
        @DisplayName("operation history: agent, call id, rc-code, op-status, interval, digests, last-rc-change")
        void lrmHistory() {
            NodeState n1 = cib.status().node("n1").orElseThrow();
            LrmResource a = n1.resources().get(0);
            assertThat(a.agent()).isEqualTo("ocf:pacemaker:Dummy");
            assertThat(a.line()).isEqualTo(lineOf(NEW_DIALECT, "<lrm_resource id=\"A\""));

            LrmOperation start = a.operations().get(0);
            assertThat(start.operation()).isEqualTo("start");
            assertThat(start.key("A")).isEqualTo("A_start_0");
            assertThat(start.callId()).isEqualTo(6);
            assertThat(start.rcCode()).isZero();
            assertThat(start.opStatus()).isZero();
            assertThat(start.intervalMs()).isZero();
            assertThat(start.isRecurring()).isFalse();
            assertThat(start.isPending()).isFalse();
            assertThat(start.opDigest()).hasValue("f2317cad3d54cec5d7d7aa7d0bf35cf8");
            assertThat(start.restartDigest()).hasValue("0b6c24e5c8d8f4d1e8b0cbbd0c6d1b5a");
            assertThat(start.secureDigest()).isEmpty();
            assertThat(start.lastRcChange()).isEqualTo(1_718_000_010L);
            assertThat(start.attribute("transition-key")).hasValue("3:1:0:abc");

            LrmOperation monitor = a.operations().get(1);
            assertThat(monitor.key("A")).isEqualTo("A_monitor_10000");
            assertThat(monitor.intervalMs()).isEqualTo(10_000);
            assertThat(monitor.isRecurring()).isTrue();
            assertThat(monitor.callId()).isEqualTo(7);
            assertThat(monitor.rcCode()).isEqualTo(7);
        }

        @Test
        @DisplayName("a pending operation (call-id -1) is recognised")
        void pendingOperation() {
            Cib pending = parse(NEW_DIALECT.replace("call-id=\"7\"", "call-id=\"-1\"").replace("op-status=\"0\" interval=\"10000\"",
                    "op-status=\"-1\" interval=\"10000\""));
            assertThat(pending.status().node("n1").orElseThrow().resources().get(0).operations().get(1).isPending()).isTrue();
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {
        static final String VALID = """
                <cib epoch="1" num_updates="0" admin_epoch="0">
                  <configuration>
                    <crm_config/>
                    <nodes>
                      <node id="1" uname="n1"/>
                    </nodes>
                    <resources>
                      <primitive id="A" class="ocf" provider="pacemaker" type="Dummy">
                        <operations>
                          <op id="A-monitor" name="monitor" interval="10s" role="Started"/>
                        </operations>
                      </primitive>
                      <primitive id="B" class="ocf" provider="pacemaker" type="Dummy"/>
                    </resources>
                    <constraints>
                      <rsc_location id="loc" rsc="A" node="n1" score="100"/>
                      <rsc_order id="ord" first="A" then="B"/>
                    </constraints>
                  </configuration>
                  <status/>
                </cib>
                """;

        static CibReport onlyReport(String xml) {
            Cib cib = parse(xml);
            assertThat(cib.reports()).as("reports for%n%s", xml).hasSize(1);
            return cib.reports().get(0);
        }

        @Test
        @DisplayName("the baseline reads without reports")
        void baselineIsValid() {
            assertThat(parse(VALID).reports()).isEmpty();
        }

        @Test
        @DisplayName("malformed XML throws a syntax error whose message names the line")
        void malformedXml() {
            String broken = VALID.replace("<primitive id=\"B\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>",
                    "<primitive id=\"B\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\">");
            assertThatThrownBy(() -> CibParser.parse(broken, "cib.xml"))
                    .isInstanceOfSatisfying(XmlSyntaxException.class, e -> {
                        assertThat(e.line()).isGreaterThan(0);
                        assertThat(e.getMessage()).contains("cib.xml:" + e.line() + ":").contains("malformed XML");
                    });
        }

        @Test
        @DisplayName("a duplicate id is reported at the second element, saying to rename one")
        void duplicateId() {
            String xml = VALID.replace("<primitive id=\"B\"", "<primitive id=\"A\"");
            CibReport r = parse(xml).reports().stream().filter(x -> x.code().equals("duplicate-id")).findFirst()
                    .orElseThrow(() -> new AssertionError("no duplicate-id report"));
            assertThat(r.severity()).isEqualTo(CibReport.Severity.ERROR);
            assertThat(r.elementId()).isEqualTo("A");
            assertThat(r.line()).isEqualTo(lineOf(xml, "<primitive id=\"A\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>"));
            assertThat(r.message()).contains("rename");
            assertThat(r.render()).startsWith("error: line " + r.line() + ": 'A': ");
        }

        @Test
        @DisplayName("a constraint naming a missing resource is reported at the constraint, saying what to do")
        void danglingReference() {
            String xml = VALID.replace("then=\"B\"", "then=\"Missing\"");
            CibReport r = onlyReport(xml);
            assertThat(r.code()).isEqualTo("dangling-reference");
            assertThat(r.elementId()).isEqualTo("ord");
            assertThat(r.line()).isEqualTo(lineOf(xml, "<rsc_order id=\"ord\""));
            assertThat(r.message()).contains("'Missing'").contains("create it or remove the constraint");
        }

        @Test
        @DisplayName("an invalid score is reported at its element, listing valid scores")
        void invalidScore() {
            String xml = VALID.replace("score=\"100\"", "score=\"lots\"");
            CibReport r = onlyReport(xml);
            assertThat(r.code()).isEqualTo("invalid-score");
            assertThat(r.elementId()).isEqualTo("loc");
            assertThat(r.line()).isEqualTo(lineOf(xml, "<rsc_location id=\"loc\""));
            assertThat(r.message()).contains("lots").contains("INFINITY");
        }

        @Test
        @DisplayName("an invalid interval is reported at the op, with examples of valid ones")
        void invalidInterval() {
            String xml = VALID.replace("interval=\"10s\"", "interval=\"often\"");
            CibReport r = onlyReport(xml);
            assertThat(r.code()).isEqualTo("invalid-interval");
            assertThat(r.elementId()).isEqualTo("A-monitor");
            assertThat(r.line()).isEqualTo(lineOf(xml, "<op id=\"A-monitor\""));
            assertThat(r.message()).contains("often").contains("10s");
        }

        @Test
        @DisplayName("an invalid role is reported at its element, listing the roles")
        void invalidRole() {
            String xml = VALID.replace("role=\"Started\"", "role=\"Boss\"");
            CibReport r = onlyReport(xml);
            assertThat(r.code()).isEqualTo("invalid-role");
            assertThat(r.elementId()).isEqualTo("A-monitor");
            assertThat(r.line()).isEqualTo(lineOf(xml, "<op id=\"A-monitor\""));
            assertThat(r.message()).contains("Boss").contains("Promoted");
        }

        @Test
        @DisplayName("an invalid role in a constraint is reported at the constraint")
        void invalidConstraintRole() {
            String xml = VALID.replace("<rsc_location id=\"loc\" rsc=\"A\"", "<rsc_location id=\"loc\" rsc=\"A\" role=\"Chief\"");
            CibReport r = onlyReport(xml);
            assertThat(r.code()).isEqualTo("invalid-role");
            assertThat(r.elementId()).isEqualTo("loc");
            assertThat(r.line()).isEqualTo(lineOf(xml, "<rsc_location id=\"loc\""));
        }

        @Test
        @DisplayName("every semantic problem at once: all reported, nothing thrown")
        void manyProblemsNeverThrow() {
            String xml = VALID.replace("score=\"100\"", "score=\"x\"").replace("interval=\"10s\"", "interval=\"y\"")
                    .replace("role=\"Started\"", "role=\"z\"").replace("then=\"B\"", "then=\"Nope\"")
                    .replace("<primitive id=\"B\"", "<primitive id=\"A\"");
            assertThatCode(() -> parse(xml)).doesNotThrowAnyException();
            assertThat(parse(xml).reports()).extracting(CibReport::code).contains(
                    "invalid-score", "invalid-interval", "invalid-role", "dangling-reference", "duplicate-id");
            assertThat(parse(xml).reports()).allSatisfy(r -> assertThat(r.line()).isPositive());
        }
    }
}
