package pacer.cib.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgentDescriptionTest {
    private static final String XML = """
            <?xml version="1.0"?>
            <!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
            <resource-agent name="Web">
              <longdesc lang="en">Long text.</longdesc>
              <shortdesc lang="en">Short text</shortdesc>
              <parameters>
                <parameter name="ip" required="1" unique="1"><shortdesc>address</shortdesc><content type="string"/></parameter>
                <parameter name="port"><longdesc>the port</longdesc><shortdesc>p</shortdesc>
                  <content type="integer" default="80"/></parameter>
                <parameter name="old"><deprecated/><content type="string"/></parameter>
                <parameter name="expert" advanced="1"><content type="string"/></parameter>
              </parameters>
              <actions><action name="start" timeout="30s"/><action name="monitor" interval="15s" timeout="10s"/>
                <action name="meta-data" timeout="5s"/></actions>
            </resource-agent>""";

    @Test
    @DisplayName("parameters keep descriptions, defaults and flags; default operations are pcs's")
    void parse() {
        AgentDescription d = AgentDescription.parse(AgentName.of("ocf", "test", "Web"), XML);
        assertThat(d.shortdesc()).isEqualTo("Short text");
        assertThat(d.longdesc()).isEqualTo("Long text.");
        assertThat(d.parameters()).hasSize(4);
        AgentDescription.Parameter ip = d.parameters().get(0);
        assertThat(ip.required()).isTrue();
        assertThat(ip.unique()).isTrue();
        assertThat(ip.description()).isEqualTo("address");
        AgentDescription.Parameter port = d.parameters().get(1);
        assertThat(port.description()).isEqualTo("the port");
        assertThat(port.defaultValue()).isEqualTo(Optional.of("80"));
        assertThat(port.type()).isEqualTo("integer");
        assertThat(d.basicParameters()).extracting(AgentDescription.Parameter::name).containsExactly("ip", "port");
        assertThat(d.defaultOperations()).extracting(op -> op.name() + " " + op.options())
                .containsExactly("start {interval=0s, timeout=30s}", "monitor {interval=15s, timeout=10s}");
    }

    @Test
    @DisplayName("a fence agent's short description is an attribute, and only a monitor is a default operation")
    void fenceAgent() {
        AgentDescription d = AgentDescription.parse(AgentName.of("stonith", null, "fence_x"), """
                <resource-agent name="fence_x" shortdesc="Fence X"><parameters/>
                <actions><action name="on"/><action name="monitor"/><action name="start" timeout="20s"/></actions>
                </resource-agent>""");
        assertThat(d.shortdesc()).isEqualTo("Fence X");
        assertThat(d.defaultOperations()).extracting(op -> op.name() + " " + op.options())
                .containsExactly("monitor {interval=60s}");
    }
}
