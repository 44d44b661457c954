package pacer.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.Cib;
import pacer.cib.FencingLevel;

class TopologyTest {
    private final Cib cib = TestCibs.cib("", """
            <node id="1" uname="n1"><instance_attributes id="n1-a"><nvpair id="n1-rack" name="rack" value="r1"/></instance_attributes></node>
            <node id="2" uname="n2"/>
            """, "", """
            <fencing-level id="by-name-2" target="n1" index="2" devices="pdu"/>
            <fencing-level id="by-name-1" target="n1" index="1" devices="ipmi"/>
            <fencing-level id="by-pattern" target-pattern="n[2-3]" index="1" devices="pdu"/>
            <fencing-level id="by-attribute" target-attribute="rack" target-value="r1" index="3" devices="rackpdu"/>
            <fencing-level id="other" target="n9" index="1" devices="x"/>
            """);

    @Test @DisplayName("Levels by name, pattern and node attribute, in index order")
    void levels() {
        assertThat(Topology.levelsFor(cib.configuration(), "n1")).extracting(FencingLevel::id)
                .containsExactly("by-name-1", "by-name-2", "by-attribute");
        assertThat(Topology.levelsFor(cib.configuration(), "n2")).extracting(FencingLevel::id)
                .containsExactly("by-pattern");
        assertThat(Topology.levelsFor(cib.configuration(), "n4")).isEmpty();
    }

    @Test @DisplayName("A level's devices keep their order")
    void devices() {
        Cib c = TestCibs.cib("", TestCibs.level("l", "n1", 1, "a,b, c"));
        assertThat(Topology.levelsFor(c.configuration(), "n1").get(0).devices()).containsExactly("a", "b", "c");
    }
}
