package pacer.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.agents.AgentSpec;
import pacer.agents.AgentStandard;

class FenceDeviceTest {
    private static FenceDevice device(String... params) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) map.put(params[i], params[i + 1]);
        return new FenceDevice("dev", AgentSpec.of(AgentStandard.STONITH, "fence_x"), map, true);
    }

    @Test @DisplayName("pcmk_host_list accepts spaces, commas and semicolons")
    void hostList() {
        assertThat(device("pcmk_host_list", "n1, n2 n3;n4").hostList()).containsExactly("n1", "n2", "n3", "n4");
        assertThat(device().hostList()).isEmpty();
    }

    @Test @DisplayName("pcmk_host_map: name:value pairs, = too, several ports, backslash escapes")
    void hostMap() {
        assertThat(HostMap.parse("node1:1;node2:2,3 node3=plug\\ three;bad;:x"))
                .containsExactly(Map.entry("node1", "1"), Map.entry("node2", "2,3"), Map.entry("node3", "plug three"));
    }

    @Test @DisplayName("The host check defaults by what is configured")
    void hostCheck() {
        assertThat(device().hostCheck()).isEqualTo(FenceDevice.HostCheck.DEFAULT);
        assertThat(device("pcmk_host_check", "dynamic-list").hostCheck()).isEqualTo(FenceDevice.HostCheck.DYNAMIC_LIST);
        assertThat(device("pcmk_host_check", "static-list").hostCheck()).isEqualTo(FenceDevice.HostCheck.STATIC_LIST);
        assertThat(device("pcmk_host_map", "n1:1").listsStatically("n1")).isTrue();
        assertThat(device("pcmk_host_list", "n1").listsStatically("n2")).isFalse();
    }

    @Test @DisplayName("The target goes to the agent as nodename and as the host argument (port by default)")
    void paramsForTarget() {
        assertThat(device("ip", "192.0.2.1").paramsFor("n1"))
                .containsEntry("port", "n1").containsEntry("nodename", "n1").containsEntry("ip", "192.0.2.1");
        assertThat(device("pcmk_host_map", "n1:7", "pcmk_host_argument", "plug").paramsFor("n1"))
                .containsEntry("plug", "7").doesNotContainKey("port");
        assertThat(device("pcmk_host_argument", "none").paramsFor("n1")).doesNotContainKeys("port", "plug");
        assertThat(device("port", "fixed").paramsFor("n1")).containsEntry("port", "fixed");
    }

    @Test @DisplayName("Per-action timeouts and retries, with the cluster's timeout and 2 retries as defaults")
    void timeoutsAndRetries() {
        FenceDevice d = device("pcmk_reboot_timeout", "90s", "pcmk_off_retries", "0", "pcmk_on_retries", "x");
        assertThat(d.timeout("reboot", Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(90));
        assertThat(d.timeout("off", Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.retries("off")).isZero();
        assertThat(d.retries("reboot")).isEqualTo(2);
        assertThat(d.retries("on")).isEqualTo(2);
    }

    @Test @DisplayName("Delay: pcmk_delay_base (plain or per node) plus a random part up to pcmk_delay_max")
    void delay() {
        RandomGenerator top = new RandomGenerator() {
            @Override public long nextLong() { return 0; }
            @Override public long nextLong(long bound) { return bound - 1; }
        };
        assertThat(device().delay("n1", top)).isZero();
        assertThat(device("pcmk_delay_base", "2s").delay("n1", top)).isEqualTo(Duration.ofSeconds(2));
        assertThat(device("pcmk_delay_base", "1s", "pcmk_delay_max", "5s").delay("n1", top))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(device("pcmk_delay_base", "n1:0s;n2:3s").delay("n2", top)).isEqualTo(Duration.ofSeconds(3));
        assertThat(device("pcmk_delay_base", "n1:0s;n2:3s").delay("n1", top)).isZero();
    }

    @Test @DisplayName("Only stonith primitives are devices; target-role=Stopped disables one")
    void fromCib() {
        var cib = TestCibs.cib(TestCibs.device("f1", "fence_a", "pcmk_host_list", "n1")
                + "<primitive id=\"d\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>"
                + "<primitive id=\"f2\" class=\"stonith\" type=\"fence_b\"><meta_attributes id=\"m\">"
                + "<nvpair id=\"m1\" name=\"target-role\" value=\"Stopped\"/></meta_attributes></primitive>", "");
        Map<String, FenceDevice> all = FenceDevice.all(cib.configuration());
        assertThat(all).containsOnlyKeys("f1", "f2");
        assertThat(all.get("f1").enabled()).isTrue();
        assertThat(all.get("f1").params()).containsEntry("pcmk_host_list", "n1");
        assertThat(all.get("f2").enabled()).isFalse();
        assertThat(Optional.of(all.get("f1").agent().toString())).contains("stonith:fence_a");
    }

    @Test @DisplayName("Cluster options: fencing-timeout under its old name, concurrent-fencing")
    void options() {
        var cib = TestCibs.cib(TestCibs.option("stonith-timeout", "90s") + TestCibs.option("concurrent-fencing", "false"),
                "", "", "");
        assertThat(FencingOptions.of(cib.configuration())).isEqualTo(new FencingOptions(Duration.ofSeconds(90), false));
        assertThat(FencingOptions.DEFAULTS).isEqualTo(new FencingOptions(Duration.ofSeconds(60), true));
    }
}
