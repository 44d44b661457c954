package pacer.agents.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetadataParserTest {
    static final String DUMMY_LIKE = """
            <?xml version="1.0"?>
            <!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
            <resource-agent name="Dummy" version="1.0">
            <version>1.0</version>
            <longdesc lang="en">
            This is a Dummy Resource Agent.
            </longdesc>
            <shortdesc lang="en">Example stateless resource agent</shortdesc>
            <parameters>
            <parameter name="state" unique="1">
            <longdesc lang="en">Location to store the resource state in.</longdesc>
            <shortdesc lang="en">State file</shortdesc>
            <content type="string" default="/run/resource-agents/Dummy-RESOURCE_ID.state" />
            </parameter>
            <parameter name="ip" required="1" reloadable="1">
            <shortdesc lang="de">IP-Adresse</shortdesc>
            <shortdesc lang="en">IP address</shortdesc>
            <content type="string" default="" />
            </parameter>
            <parameter name="mode" unique-group="mode">
            <deprecated/>
            <content type="select" default="a"><option value="a"/><option value="b"/></content>
            </parameter>
            </parameters>
            <actions>
            <action name="start"        timeout="20s" />
            <action name="monitor"      timeout="20s" interval="10s" depth="0" />
            <action name="monitor"      timeout="30s" interval="9s" depth="10" role="Promoted" />
            <action name="meta-data"    timeout="5s" />
            <action name="migrate_to"   timeout="2min" />
            </actions>
            </resource-agent>
            """;

    @Test @DisplayName("Parses parameters and actions of OCF meta-data, DOCTYPE and all")
    void parse() {
        AgentMetadata md = MetadataParser.parse(DUMMY_LIKE, "ocf:heartbeat:Dummy");
        assertThat(md.name()).isEqualTo("Dummy");
        assertThat(md.version()).isEqualTo("1.0");
        assertThat(md.shortDesc()).isEqualTo("Example stateless resource agent");
        assertThat(md.longDesc()).isEqualTo("This is a Dummy Resource Agent.");

        ParameterDefinition state = md.parameter("state").orElseThrow();
        assertThat(state.unique()).isTrue();
        assertThat(state.required()).isFalse();
        assertThat(state.type()).isEqualTo("string");
        assertThat(state.defaultValue()).hasValue("/run/resource-agents/Dummy-RESOURCE_ID.state");
        assertThat(state.shortDesc()).isEqualTo("State file");

        ParameterDefinition ip = md.parameter("ip").orElseThrow();
        assertThat(ip.required()).isTrue();
        assertThat(ip.reloadable()).isTrue();
        assertThat(ip.defaultValue()).hasValue("");
        assertThat(ip.shortDesc()).isEqualTo("IP address");
        assertThat(md.requiredParameters()).containsExactly(ip);

        ParameterDefinition mode = md.parameter("mode").orElseThrow();
        assertThat(mode.type()).isEqualTo("select");
        assertThat(mode.unique()).isTrue();
        assertThat(mode.deprecated()).isTrue();

        assertThat(md.defaultTimeoutMs("start")).hasValue(20_000);
        assertThat(md.defaultTimeoutMs("migrate_to")).hasValue(120_000);
        assertThat(md.defaultTimeoutMs("stop")).isEmpty();
        ActionDefinition monitor = md.action("monitor").orElseThrow();
        assertThat(monitor.intervalMs()).hasValue(10_000);
        assertThat(monitor.depth()).hasValue(0);
        assertThat(md.actions()).filteredOn(a -> a.name().equals("monitor")).last()
                .satisfies(a -> {
                    assertThat(a.role()).hasValue("Promoted");
                    assertThat(a.depth()).hasValue(10);
                });
    }

    @Test @DisplayName("Refuses what is not meta-data, naming the agent")
    void refuses() {
        assertThatThrownBy(() -> MetadataParser.parse("usage: Dummy {start|stop}", "ocf:x:Broken"))
                .isInstanceOf(MetadataException.class).hasMessageContaining("ocf:x:Broken").hasMessageContaining("not valid XML");
        assertThatThrownBy(() -> MetadataParser.parse("<cib/>", "ocf:x:Cib"))
                .hasMessageContaining("expected <resource-agent>");
        assertThatThrownBy(() -> MetadataParser.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><resource-agent>&e;</resource-agent>", "ocf:x:Evil"))
                .isInstanceOf(MetadataException.class);
    }

    @Test @DisplayName("Built-in LSB and systemd meta-data carry Pacemaker's timeouts")
    void builtIn() {
        assertThat(BuiltInMetadata.lsb("ntp", "", "").defaultTimeoutMs("stop")).hasValue(15_000);
        AgentMetadata unit = BuiltInMetadata.systemd("nginx.service", "");
        assertThat(unit.defaultTimeoutMs("start")).hasValue(100_000);
        assertThat(unit.action("monitor").orElseThrow().intervalMs()).hasValue(60_000);
    }
}
